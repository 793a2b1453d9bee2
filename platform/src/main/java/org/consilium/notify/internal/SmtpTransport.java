package org.consilium.notify.internal;

import java.io.UnsupportedEncodingException;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Sends by SMTP, keeping the outbox's Message-ID (JavaMail would otherwise invent a new
 * one on every attempt, and a resend would look like a new message).
 */
class SmtpTransport implements MailTransport {

	private final JavaMailSenderImpl sender;

	SmtpTransport(JavaMailSenderImpl sender) {
		this.sender = sender;
	}

	@Override
	public void send(RenderedMail mail) {
		Session session = this.sender.getSession();
		MimeMessage message = new MimeMessage(session) {
			@Override
			protected void updateMessageID() throws MessagingException {
				setHeader("Message-ID", mail.messageId());
			}
		};
		try {
			MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
			helper.setFrom(new InternetAddress(mail.fromAddress(), mail.fromName(), "UTF-8"));
			helper.setTo(mail.to());
			helper.setSubject(mail.subject());
			helper.setText(mail.text(), mail.html());
		}
		catch (MessagingException | UnsupportedEncodingException ex) {
			throw new MailPreparationException("Could not compose message " + mail.messageId(), ex);
		}
		this.sender.send(message);
	}

}
