package org.consilium.notify.internal;

/**
 * An e-mail ready to send.
 */
record RenderedMail(String messageId, String fromAddress, String fromName, String to, String subject, String text,
		String html) {

}
