/**
 * Who the user is, in which tenant, with which roles. For now a development-only sign-in
 * of demo users per site; local accounts with MFA, SAML SSO and OAuth2 replace it (issue
 * 3).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity")
package org.consilium.identity;
