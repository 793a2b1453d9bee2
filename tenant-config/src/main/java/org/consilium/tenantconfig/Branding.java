package org.consilium.tenantconfig;

/**
 * How a tenant's site looks and how its users reach a person.
 *
 * @param logo path of the logo image, relative to the tenant file
 * @param favicon path of the favicon, relative to the tenant file
 */
public record Branding(HexColor primaryColor, HexColor accentColor, String logo, String favicon, Contact support,
		BusinessHours businessHours, LocalizedText legalFooter) {

	/**
	 * Least contrast of white text on the primary colour: WCAG 2 level AA for normal text
	 * (buttons and the header carry white text on it).
	 */
	public static final double MIN_CONTRAST = 4.5;

}
