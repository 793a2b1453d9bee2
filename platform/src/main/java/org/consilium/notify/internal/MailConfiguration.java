package org.consilium.notify.internal;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.util.Assert;

/**
 * Picks the transport: SMTP, or the development mailbox when configured (the dev
 * profile's default, so the demo needs no mail server). The development mailbox outside
 * the dev profile stops the start: its page would show every programme's e-mails, reset
 * links included, to anyone.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NotifyProperties.class)
class MailConfiguration {

	static final String DEV_MAILBOX_OUTSIDE_DEV = "consilium.notify.transport=DEV_MAILBOX "
			+ "(CONSILIUM_MAIL_TRANSPORT) is allowed in the dev profile only: its page shows every programme's "
			+ "e-mails, password-reset links included, to anyone. Set CONSILIUM_MAIL_TRANSPORT=SMTP and a mail "
			+ "server (CONSILIUM_SMTP_HOST), or run with the dev profile.";

	@Bean
	MailTransport mailTransport(NotifyProperties properties, ObjectProvider<InMemoryDevMailbox> devMailbox,
			ObjectProvider<JavaMailSenderImpl> sender) {
		if (properties.transport() == NotifyProperties.Transport.DEV_MAILBOX) {
			InMemoryDevMailbox mailbox = devMailbox.getIfAvailable();
			Assert.state(mailbox != null, DEV_MAILBOX_OUTSIDE_DEV);
			return mailbox::keep;
		}
		return new SmtpTransport(sender.getObject());
	}

}
