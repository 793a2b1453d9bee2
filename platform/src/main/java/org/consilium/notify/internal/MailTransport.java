package org.consilium.notify.internal;

/**
 * Where rendered e-mails go: SMTP, or the development mailbox.
 */
interface MailTransport {

	/**
	 * @throws org.springframework.mail.MailException when the message could not be handed
	 * over
	 */
	void send(RenderedMail mail);

}
