/**
 * The development identity provider: an in-app SAML identity provider with a key pair
 * made at start-up and a handful of demo employees, so that programmes that sign in only
 * through their company's SSO (acme) can be tried locally. Exists only in the {@code dev}
 * profile and says so on every page.
 */
package org.consilium.identity.devidp;
