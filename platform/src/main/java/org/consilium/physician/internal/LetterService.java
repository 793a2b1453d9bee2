package org.consilium.physician.internal;

import org.consilium.documents.BrandedPdf;
import java.awt.Color;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Optional;

import org.consilium.tenant.SiteLinks;
import org.consilium.audit.AuditEntry;
import org.consilium.audit.AuditLog;
import org.consilium.tenant.Tenant;
import org.consilium.tenant.TenantAsset;
import org.consilium.tenant.Tenants;
import org.consilium.tenantconfig.Branding;
import org.consilium.tenantconfig.TenantConfig;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The referring-physician letter of a case: the programme's branding, the case reference
 * and patient, what to send and how (upload, e-mail, fax, mail), in the reader's language
 * where the programme offers it. Every download is audited.
 */
@Service
public class LetterService {

	private final DoctorCases doctorCases;

	private final Tenants tenants;

	private final MessageSource messages;

	private final PhysicianProperties properties;

	private final AuditLog audit;

	private final java.time.Clock clock;

	private final TransactionTemplate transactions;

	LetterService(DoctorCases doctorCases, Tenants tenants, MessageSource messages, PhysicianProperties properties,
			AuditLog audit, java.time.Clock clock, PlatformTransactionManager transactionManager) {
		this.transactions = new TransactionTemplate(transactionManager);
		this.doctorCases = doctorCases;
		this.tenants = tenants;
		this.messages = messages;
		this.properties = properties;
		this.audit = audit;
		this.clock = clock;
	}

	/** The letter, if the current user may read the case; empty otherwise. */
	public Optional<Letter> letter(String caseReference, Locale requested) {
		return this.doctorCases.find(caseReference).map((medicalCase) -> {
			this.transactions.executeWithoutResult((tx) -> this.audit
				.record(AuditEntry.of("PHYSICIAN_LETTER_DOWNLOADED").subject("case", medicalCase.id())));
			return new Letter("referring-physician-letter-" + medicalCase.reference().value() + ".pdf",
					render(medicalCase, requested));
		});
	}

	private byte[] render(DoctorCase medicalCase, Locale requested) {
		Tenant tenant = this.tenants.current();
		TenantConfig config = tenant.config();
		Locale locale = config.supports(requested) ? Locale.forLanguageTag(requested.getLanguage())
				: config.defaultLocale();
		Branding branding = config.branding();
		String reference = medicalCase.reference().value();
		ZoneId zone = branding.businessHours().timeZone();
		String date = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
			.withLocale(locale)
			.format(this.clock.instant().atZone(zone));
		String footer = (branding.legalFooter() != null) ? branding.legalFooter().in(locale) : "";
		try (BrandedPdf pdf = new BrandedPdf(config.displayName(), color(branding.primaryColor().value()),
				logo(tenant, branding), footer)) {
			pdf.title(text(locale, "letter.title"))
				.paragraph(text(locale, "letter.case", reference))
				.paragraph(text(locale, "letter.patient", medicalCase.patientName()))
				.paragraph(text(locale, "letter.date", date))
				.space(6)
				.paragraph(text(locale, "letter.greeting"))
				.paragraph(text(locale, "letter.intro", medicalCase.patientName(), config.displayName()))
				.heading(text(locale, "letter.what.title"))
				.bullet(text(locale, "letter.what.history"))
				.bullet(text(locale, "letter.what.records"))
				.bullet(text(locale, "letter.what.pathology"))
				.bullet(text(locale, "letter.what.radiology"))
				.paragraph(text(locale, "letter.what.english"))
				.heading(text(locale, "letter.how.title"))
				.paragraph(text(locale, "letter.how.reference", reference))
				.bullet(text(locale, "letter.how.upload", SiteLinks.to("cases/" + reference + "/doctor")))
				.bullet(text(locale, "letter.how.email", this.properties.recordsEmail(), reference))
				.bullet(text(locale, "letter.how.fax", this.properties.recordsFax()))
				.bullet(text(locale, "letter.how.mail", this.properties.postalAddress().replace("|", ", ")))
				.heading(text(locale, "letter.help.title"))
				.paragraph(text(locale, "letter.help.text", branding.support().email(),
						(branding.support().phone() != null) ? branding.support().phone() : branding.support().email()))
				.space(6)
				.paragraph(text(locale, "letter.closing"))
				.paragraph(config.displayName());
			return pdf.toBytes(text(locale, "letter.title") + " " + reference);
		}
	}

	private byte[] logo(Tenant tenant, Branding branding) {
		return Optional.ofNullable(branding.logo())
			.flatMap((path) -> this.tenants.asset(tenant.id(), path))
			.filter((asset) -> "image/png".equals(asset.mediaType()) || "image/jpeg".equals(asset.mediaType()))
			.map(TenantAsset::content)
			.orElse(null);
	}

	private String text(Locale locale, String key, Object... args) {
		return this.messages.getMessage(key, args, locale);
	}

	private static Color color(String hex) {
		return Color.decode(hex);
	}

	/** A generated letter and the file name to give it. */
	public record Letter(String fileName, byte[] content) {

	}

}
