package org.consilium.tenantconfig;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A colour written as {@code #rrggbb}. Knows its contrast so branding can be checked for
 * readability before it reaches a patient's screen.
 */
public record HexColor(String value) {

	private static final Pattern HEX = Pattern.compile("#[0-9a-fA-F]{6}");

	public HexColor {
		if (value == null || !HEX.matcher(value).matches()) {
			throw new IllegalArgumentException("must be a colour like #1a5fb4");
		}
		value = value.toLowerCase(Locale.ROOT);
	}

	public static boolean isValid(String value) {
		return value != null && HEX.matcher(value).matches();
	}

	public int red() {
		return Integer.parseInt(this.value.substring(1, 3), 16);
	}

	public int green() {
		return Integer.parseInt(this.value.substring(3, 5), 16);
	}

	public int blue() {
		return Integer.parseInt(this.value.substring(5, 7), 16);
	}

	/** WCAG 2 relative luminance. */
	public double luminance() {
		return 0.2126 * channel(red()) + 0.7152 * channel(green()) + 0.0722 * channel(blue());
	}

	/** WCAG 2 contrast ratio between this colour and another, from 1 to 21. */
	public double contrastWith(HexColor other) {
		double a = luminance() + 0.05;
		double b = other.luminance() + 0.05;
		return Math.max(a, b) / Math.min(a, b);
	}

	/**
	 * This colour, darkened step by step until text in it reaches the given contrast on
	 * white (WCAG AA for body text is 4.5).
	 */
	public HexColor readableOnWhite(double contrast) {
		HexColor white = new HexColor("#ffffff");
		HexColor color = this;
		for (double factor = 0.95; color.contrastWith(white) < contrast && factor > 0; factor -= 0.05) {
			color = new HexColor("#%02x%02x%02x".formatted((int) (red() * factor), (int) (green() * factor),
					(int) (blue() * factor)));
		}
		return color;
	}

	/** This colour with the given alpha, as a CSS {@code rgba()} value. */
	public String rgba(double alpha) {
		return "rgba(%d, %d, %d, %s)".formatted(red(), green(), blue(), alpha);
	}

	private static double channel(int value) {
		double c = value / 255.0;
		return (c <= 0.03928) ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
	}

	@Override
	public String toString() {
		return this.value;
	}

}
