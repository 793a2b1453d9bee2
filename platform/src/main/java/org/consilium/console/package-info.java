/**
 * The tenant admin console: a programme's own administrators change its configuration
 * (branding, workflow, billing, languages, sign-in, texts) without a developer. Every
 * change is validated by the tenant-config loader, stored as a new configuration version
 * with who and when, can be compared with the previous one and rolled back, and is
 * audited.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Admin console")
package org.consilium.console;
