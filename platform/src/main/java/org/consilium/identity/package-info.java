/**
 * Who the user is, in which tenant, with which roles: local accounts with a second factor
 * for staff, each company programme's SAML single sign-on, and OAuth2 clients for the
 * REST API.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity")
package org.consilium.identity;
