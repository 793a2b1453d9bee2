package org.consilium.shell.internal;

import org.consilium.tenantconfig.Branding;
import org.consilium.tenantconfig.HexColor;

/**
 * A tenant's branding as CSS custom properties over Lumo's. Colours were validated as
 * {@code #rrggbb}, so nothing from the tenant file can break out of the declaration.
 */
final class BrandingStyles {

	private static final double BODY_TEXT_CONTRAST = 4.5;

	private BrandingStyles() {
	}

	static String css(Branding branding) {
		HexColor primary = branding.primaryColor();
		HexColor accent = branding.accentColor();
		// html:root outranks Lumo's :root defaults whatever the order the style sheets
		// load in.
		return "html:root{" + "--lumo-primary-color:" + primary + ";" + "--lumo-primary-color-50pct:"
				+ primary.rgba(0.5) + ";" + "--lumo-primary-color-10pct:" + primary.rgba(0.1) + ";"
				+ "--lumo-primary-text-color:" + primary.readableOnWhite(BODY_TEXT_CONTRAST) + ";"
				+ "--lumo-primary-contrast-color:#ffffff;" + "--consilium-primary-color:" + primary + ";"
				+ "--consilium-accent-color:" + accent + ";}";
	}

}
