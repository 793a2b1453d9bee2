package org.consilium.notify.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Picks the transport: SMTP, or the development mailbox when configured (the dev
 * profile's default, so the demo needs no mail server).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NotifyProperties.class)
class MailConfiguration {

	@Bean
	MailTransport mailTransport(NotifyProperties properties, JavaMailSenderImpl sender) {
		return (properties.transport() == NotifyProperties.Transport.DEV_MAILBOX) ? new DevMailboxTransport()
				: new SmtpTransport(sender);
	}

}
