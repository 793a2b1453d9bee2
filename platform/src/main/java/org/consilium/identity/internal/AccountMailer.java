package org.consilium.identity.internal;

import java.util.Locale;
import java.util.Optional;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.consilium.tenant.Tenant;
import org.consilium.tenant.TenantContext;
import org.consilium.tenant.Tenants;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Account e-mails (verification, password reset, "already registered"), in the
 * programme's name, colours and the user's language. Sent directly for now; the
 * notifications issue moves them onto the transactional outbox.
 */
@Component
class AccountMailer {

	private final JavaMailSender mail;

	private final Tenants tenants;

	private final MessageSource messages;

	private final String from;

	AccountMailer(JavaMailSender mail, Tenants tenants, MessageSource messages,
			@Value("${consilium.mail.from}") String from) {
		this.mail = mail;
		this.tenants = tenants;
		this.messages = messages;
		this.from = from;
	}

	void send(String to, Locale locale, String kind, String link) {
		Optional<Tenant> tenant = TenantContext.find().flatMap(this.tenants::find);
		String programme = tenant.map((t) -> t.config().displayName()).orElseGet(() -> text("operator.name", locale));
		String color = tenant.map((t) -> t.config().branding().primaryColor().value()).orElse("#2a4d69");
		String subject = text("mail." + kind + ".subject", locale, programme);
		String body = text("mail." + kind + ".body", locale, programme);
		String action = text("mail." + kind + ".action", locale);
		String ignore = text("mail." + kind + ".ignore", locale);
		try {
			MimeMessage message = this.mail.createMimeMessage();
			MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
			helper.setFrom(new InternetAddress(this.from, programme, "UTF-8"));
			helper.setTo(to);
			helper.setSubject(subject);
			String text = body + "\n\n" + action + ":\n" + link + "\n\n" + ignore + "\n";
			String html = "<!DOCTYPE html><html><body style=\"font-family:Arial,sans-serif;color:#1f2933\">"
					+ "<div style=\"background:" + color
					+ ";color:#fff;padding:16px 24px;font-size:18px;font-weight:bold\">" + escape(programme)
					+ "</div><div style=\"padding:24px\"><p>" + escape(body) + "</p>" + "<p><a href=\"" + escape(link)
					+ "\" style=\"display:inline-block;background:" + color
					+ ";color:#fff;padding:10px 18px;border-radius:6px;text-decoration:none\">" + escape(action)
					+ "</a></p><p style=\"font-size:13px;color:#52606d\">" + escape(link)
					+ "</p><p style=\"font-size:13px;" + "color:#52606d\">" + escape(ignore)
					+ "</p></div></body></html>";
			helper.setText(text, html);
			this.mail.send(message);
		}
		catch (MessagingException | java.io.UnsupportedEncodingException ex) {
			throw new MailSendException("Could not compose the " + kind + " e-mail", ex);
		}
	}

	private String text(String key, Locale locale, Object... args) {
		return this.messages.getMessage(key, args, locale);
	}

	private static String escape(String text) {
		return HtmlUtils.htmlEscape(text);
	}

}
