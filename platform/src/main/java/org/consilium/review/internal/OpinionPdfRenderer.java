package org.consilium.review.internal;

import org.consilium.documents.BrandedPdf;
import java.awt.Color;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Optional;

import org.consilium.review.OpinionContent;
import org.consilium.review.PublishedOpinion;
import org.consilium.review.RereadReport;
import org.consilium.tenant.Tenant;
import org.consilium.tenant.TenantAsset;
import org.consilium.tenant.Tenants;
import org.consilium.tenantconfig.Branding;
import org.consilium.tenantconfig.TenantConfig;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The published opinion as a PDF in the programme's branding, rendered on every download
 * from the stored approved version, never kept as a file (decision 016): the same version
 * gives the same document.
 */
@Component
class OpinionPdfRenderer {

	private final Tenants tenants;

	private final MessageSource messages;

	OpinionPdfRenderer(Tenants tenants, MessageSource messages) {
		this.tenants = tenants;
		this.messages = messages;
	}

	byte[] render(PublishedOpinion opinion, Locale requested) {
		Tenant tenant = this.tenants.current();
		TenantConfig config = tenant.config();
		Locale locale = config.supports(requested) ? Locale.forLanguageTag(requested.getLanguage())
				: config.defaultLocale();
		Branding branding = config.branding();
		String footer = (branding.legalFooter() != null) ? branding.legalFooter().in(locale) : "";
		try (BrandedPdf pdf = new BrandedPdf(config.displayName(), Color.decode(branding.primaryColor().value()),
				logo(tenant, branding), footer)) {
			Text text = new Text(locale, branding.businessHours().timeZone());
			pdf.title(text.get("opinion.title", opinion.reference().value()))
				.note(text.get("opinion.specialty", text.get("specialty." + opinion.specialty())))
				.note(text.get("opinion.specialist", opinion.specialistName()))
				.note(text.get("opinion.approved", text.date(opinion.approvedAt())));
			sections(pdf, opinion.content(), text);
			if (!opinion.rereads().isEmpty()) {
				pdf.heading(text.get("opinion.section.rereads"));
				for (RereadReport reread : opinion.rereads()) {
					reread(pdf, reread, text);
				}
			}
			return pdf.toBytes(text.get("opinion.title", opinion.reference().value()));
		}
	}

	private static void sections(BrandedPdf pdf, OpinionContent content, Text text) {
		section(pdf, text.get("opinion.section.summary"), content.summary());
		if (content.assessment() != null) {
			pdf.heading(text.get("opinion.section.assessment"))
				.label(text.get("opinion.assessment." + content.assessment().name()))
				.paragraph(content.assessmentReasoning());
		}
		if (!content.answers().isEmpty()) {
			pdf.heading(text.get("opinion.section.answers"));
			for (OpinionContent.Answer answer : content.answers()) {
				pdf.label(answer.question()).paragraph(answer.answer());
			}
		}
		section(pdf, text.get("opinion.section.recommendations"), content.recommendations());
		section(pdf, text.get("opinion.section.further-tests"), content.furtherTests());
		section(pdf, text.get("opinion.section.clinical-trials"), content.clinicalTrials());
		section(pdf, text.get("opinion.section.references"), content.references());
	}

	private static void section(BrandedPdf pdf, String heading, String body) {
		if (body != null && !body.isBlank()) {
			pdf.heading(heading).paragraph(body);
		}
	}

	private static void reread(BrandedPdf pdf, RereadReport reread, Text text) {
		pdf.label(text.get("opinion.reread.kind." + reread.kind().name()))
			.note(text.get("opinion.reread.findings"))
			.paragraph(reread.findings())
			.note(text.get("opinion.reread.impression"))
			.paragraph(reread.impression());
		if (reread.concordance() != null) {
			pdf.note(text.get("opinion.reread.concordance"))
				.paragraph(text.getOr("opinion.concordance." + reread.concordance(), reread.concordance()));
		}
		if (reread.reportedByName() != null && reread.reportedAt() != null) {
			pdf.note(text.get("opinion.reread.reported", reread.reportedByName(), text.date(reread.reportedAt())));
		}
	}

	private byte[] logo(Tenant tenant, Branding branding) {
		return Optional.ofNullable(branding.logo())
			.flatMap((path) -> this.tenants.asset(tenant.id(), path))
			.filter((asset) -> "image/png".equals(asset.mediaType()) || "image/jpeg".equals(asset.mediaType()))
			.map(TenantAsset::content)
			.orElse(null);
	}

	/** Messages and dates in the reader's language and the programme's time zone. */
	private final class Text {

		private final Locale locale;

		private final ZoneId zone;

		Text(Locale locale, ZoneId zone) {
			this.locale = locale;
			this.zone = zone;
		}

		String get(String key, Object... args) {
			return OpinionPdfRenderer.this.messages.getMessage(key, args, this.locale);
		}

		String getOr(String key, String fallback) {
			return OpinionPdfRenderer.this.messages.getMessage(key, null, fallback, this.locale);
		}

		String date(Instant instant) {
			return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
				.withLocale(this.locale)
				.format(instant.atZone(this.zone));
		}

	}

}
