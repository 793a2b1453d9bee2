package org.consilium.tenant;

/**
 * A session created on one site (tenant or operator) was presented on another and
 * refused.
 *
 * @param boundSite the site the session belongs to
 * @param requestSite the site it was presented on
 */
public record CrossSiteSessionRejected(String boundSite, String requestSite, String path) {

}
