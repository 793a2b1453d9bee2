/**
 * The site around every view: the branded layout (each tenant's colours, logo and name
 * applied at runtime), the landing pages, translations (en, es), locale choice, error
 * pages, and the rule that tenant views live on tenant sites and operator views on the
 * operator site.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Shell")
package org.consilium.shell;
