package org.consilium.cases.ui;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.consilium.cases.ProgrammeStatistics.MonthCount;

/**
 * Opinions delivered per month as a bar chart in SVG, drawn on the server so no chart
 * library reaches the browser. A suppressed month is a hatched grey bar of fixed height
 * labelled "fewer than 5", so its height gives nothing away. The table beside it carries
 * the same figures for screen readers, so the drawing is hidden from them.
 */
final class DeliveryChart {

	static final int WIDTH = 720;

	static final int HEIGHT = 260;

	private static final int TOP = 24;

	private static final int BOTTOM = 40;

	private static final int SUPPRESSED_HEIGHT = 24;

	private final String title;

	private final String suppressed;

	private final DateTimeFormatter monthLabel;

	private final Locale locale;

	DeliveryChart(String title, String suppressed, Locale locale) {
		this.title = title;
		this.suppressed = suppressed;
		this.monthLabel = DateTimeFormatter.ofPattern("LLL", locale);
		this.locale = locale;
	}

	String draw(List<MonthCount> months) {
		long max = months.stream().mapToLong((month) -> month.delivered().value().orElse(0)).max().orElse(0);
		double plot = HEIGHT - TOP - BOTTOM;
		double scale = (max > 0) ? plot / max : 0;
		double slot = (double) WIDTH / Math.max(months.size(), 1);
		double bar = slot * 0.6;
		StringBuilder svg = new StringBuilder();
		svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
			.append(WIDTH)
			.append(' ')
			.append(HEIGHT)
			.append("\" width=\"100%\" aria-hidden=\"true\" focusable=\"false\">")
			.append("<title>")
			.append(escape(this.title))
			.append("</title>")
			.append("<defs><pattern id=\"dashboard-hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\"")
			.append(" patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#e5e7eb\"/>")
			.append("<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#9ca3af\" stroke-width=\"3\"/></pattern></defs>");
		double baseline = HEIGHT - BOTTOM;
		svg.append(line(0, baseline, WIDTH, baseline));
		for (int i = 0; i < months.size(); i++) {
			MonthCount month = months.get(i);
			double x = i * slot + (slot - bar) / 2;
			double centre = i * slot + slot / 2;
			if (month.delivered().suppressed()) {
				svg.append(rect("suppressed", x, baseline - SUPPRESSED_HEIGHT, bar, SUPPRESSED_HEIGHT,
						"fill:url(#dashboard-hatch)"));
				svg.append(text(centre, baseline - SUPPRESSED_HEIGHT - 6, 10, this.suppressed));
			}
			else {
				long value = month.delivered().value().getAsLong();
				double height = value * scale;
				svg.append(rect("delivered", x, baseline - height, bar, height,
						"fill:var(--lumo-primary-color, #1676f3)"));
				svg.append(text(centre, baseline - height - 6, 12, String.format(this.locale, "%,d", value)));
			}
			svg.append(text(centre, baseline + 16, 12, this.monthLabel.format(month.month())));
			if (i == 0 || month.month().getMonthValue() == 1) {
				svg.append(text(centre, baseline + 32, 11, String.valueOf(month.month().getYear())));
			}
		}
		return svg.append("</svg>").toString();
	}

	private static String rect(String kind, double x, double y, double width, double height, String style) {
		return String.format(Locale.ROOT,
				"<rect class=\"bar-%s\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" style=\"%s\"/>", kind, x,
				y, width, height, style);
	}

	private static String line(double x1, double y1, double x2, double y2) {
		return String.format(Locale.ROOT,
				"<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#9ca3af\" stroke-width=\"1\"/>", x1, y1,
				x2, y2);
	}

	private static String text(double x, double y, int size, String content) {
		return String.format(Locale.ROOT,
				"<text x=\"%.1f\" y=\"%.1f\" font-size=\"%d\" text-anchor=\"middle\" fill=\"currentColor\">%s</text>",
				x, y, size, escape(content));
	}

	/**
	 * Translations and month names are ours, but a stray ampersand would break the
	 * drawing.
	 */
	private static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}

}
