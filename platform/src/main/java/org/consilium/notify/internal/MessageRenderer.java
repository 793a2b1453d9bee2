package org.consilium.notify.internal;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

import org.consilium.tenantconfig.Branding;
import org.consilium.tenantconfig.LocalizedText;
import org.consilium.tenantconfig.NotificationKind;
import org.consilium.tenantconfig.NotificationTemplate;
import org.consilium.tenantconfig.TenantConfig;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Renders a message in the programme's name, colours, logo, support contact and footer,
 * in the recipient's language when the programme offers it. Wording comes from the
 * platform's message bundles ({@code notify.<kind>.subject|body|action}) unless the
 * tenant's configuration words it itself. A missing key fails loudly (a test renders
 * every kind in every language).
 */
@Component
class MessageRenderer {

	private final MessageSource messages;

	private static final String OPERATOR_COLOR = "#2a4d69";

	private static final String OPERATOR_ACCENT = "#e66100";

	private final String fromAddress;

	private final String operatorSupport;

	MessageRenderer(MessageSource messages, @Value("${consilium.mail.from}") String fromAddress,
			@Value("${consilium.mail.operator-support:support@consilium.example}") String operatorSupport) {
		this.messages = messages;
		this.fromAddress = fromAddress;
		this.operatorSupport = operatorSupport;
	}

	private static Locale supported(Locale requested) {
		return "es".equals(requested.getLanguage()) ? Locale.forLanguageTag("es") : Locale.ENGLISH;
	}

	/**
	 * @param tenant the sending programme, or null for the operator site (its staff
	 * accounts)
	 */
	RenderedMail render(TenantConfig tenant, NotificationKind kind, Locale requested, String name, String link,
			String messageId, String to) {
		Locale locale = (tenant == null) ? supported(requested)
				: tenant.supports(requested) ? requested : tenant.defaultLocale();
		String programme = (tenant != null) ? tenant.displayName() : text("operator.name", locale);
		String person = (name != null && !name.isBlank()) ? name : text("notify.someone", locale);
		Optional<NotificationTemplate> own = (tenant != null) ? tenant.notification(kind) : Optional.empty();
		String subject = own.flatMap(NotificationTemplate::subject)
			.map((t) -> fill(t, locale, programme, person))
			.orElseGet(() -> text("notify." + kind.key() + ".subject", locale, programme, person));
		String body = own.flatMap(NotificationTemplate::body)
			.map((t) -> fill(t, locale, programme, person))
			.orElseGet(() -> text("notify." + kind.key() + ".body", locale, programme, person));
		String action = own.flatMap(NotificationTemplate::action)
			.map((t) -> fill(t, locale, programme, person))
			.orElseGet(() -> text("notify." + kind.key() + ".action", locale, programme, person));
		Branding branding = (tenant != null) ? tenant.branding() : null;
		String greeting = text("notify.greeting", locale, person);
		String supportEmail = (branding != null) ? branding.support().email() : this.operatorSupport;
		String supportPhone = (branding != null && branding.support().phone() != null) ? branding.support().phone()
				: supportEmail;
		String help = text("notify.help", locale, supportEmail, supportPhone);
		String noContent = text("notify.no-clinical-content", locale);
		String footer = (branding != null && branding.legalFooter() != null) ? branding.legalFooter().in(locale)
				: text("operator.footer", locale);
		String plain = greeting + "\n\n" + body + "\n\n" + action + ":\n" + link + "\n\n" + noContent + "\n" + help
				+ (footer.isEmpty() ? "" : "\n\n" + footer) + "\n";
		String color = (branding != null) ? branding.primaryColor().value() : OPERATOR_COLOR;
		String accent = (branding != null) ? branding.accentColor().value() : OPERATOR_ACCENT;
		String html = "<!DOCTYPE html><html lang=\"" + locale.getLanguage()
				+ "\"><body style=\"margin:0;background:#f3f5f7;"
				+ "font-family:Arial,Helvetica,sans-serif;color:#1f2933\"><table role=\"presentation\" width=\"100%\" "
				+ "cellpadding=\"0\" cellspacing=\"0\"><tr><td align=\"center\" style=\"padding:24px\"><table role=\"presentation\" "
				+ "width=\"560\" cellpadding=\"0\" cellspacing=\"0\" style=\"background:#fff;border-radius:8px;overflow:hidden\">"
				+ "<tr><td style=\"background:" + color + ";padding:16px 24px;border-bottom:4px solid " + accent + "\">"
				+ "<img src=\"" + escape(siteBase(link) + "/branding/logo") + "\" alt=\"\" height=\"32\" "
				+ "style=\"background:#fff;border-radius:4px;padding:2px 4px;vertical-align:middle\"> "
				+ "<span style=\"color:#fff;font-size:18px;font-weight:bold;vertical-align:middle\">"
				+ escape(programme) + "</span></td></tr><tr><td style=\"padding:24px\"><p>" + escape(greeting)
				+ "</p><p>" + escape(body) + "</p><p style=\"margin:24px 0\"><a href=\"" + escape(link)
				+ "\" style=\"background:" + color
				+ ";color:#fff;padding:12px 20px;border-radius:6px;text-decoration:none;font-weight:bold\">"
				+ escape(action) + "</a></p><p style=\"font-size:13px;color:#52606d;word-break:break-all\">"
				+ escape(link) + "</p><p style=\"font-size:13px;color:#52606d\">" + escape(noContent) + "<br>"
				+ escape(help)
				+ "</p></td></tr><tr><td style=\"padding:16px 24px;background:#f8f9fa;font-size:12px;color:#52606d\">"
				+ escape(footer) + "</td></tr></table></td></tr></table></body></html>";
		return new RenderedMail(messageId, this.fromAddress, programme, to, subject, plain, html);
	}

	private String fill(LocalizedText template, Locale locale, String programme, String person) {
		return template.in(locale).replace("{programme}", programme).replace("{name}", person);
	}

	private String text(String key, Locale locale, Object... args) {
		return this.messages.getMessage(key, args, locale);
	}

	/**
	 * The scheme, host and port of the link: where the recipient's site (and its logo)
	 * is.
	 */
	static String siteBase(String link) {
		URI uri = URI.create(link);
		return uri.getScheme() + "://" + uri.getRawAuthority();
	}

	private static String escape(String text) {
		return HtmlUtils.htmlEscape(text);
	}

}
