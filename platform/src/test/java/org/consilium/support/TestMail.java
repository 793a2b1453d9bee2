package org.consilium.support;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * One real SMTP server (GreenMail) for the test run, on a free port. Tests wait for the
 * e-mail a person would get and follow the link in it.
 */
public final class TestMail {

	private static volatile TestMail instance;

	private volatile GreenMail server;

	private final int port;

	private TestMail() {
		this.server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
		this.server.start();
		this.port = this.server.getSmtp().getPort();
	}

	/** The mail server goes down (connections are refused), as an SMTP outage would. */
	public synchronized void stop() {
		this.server.stop();
	}

	/** The mail server comes back on the same port, with an empty mailbox. */
	public synchronized void start() {
		this.server = new GreenMail(new ServerSetup(this.port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		this.server.start();
	}

	public static TestMail get() {
		if (instance == null) {
			synchronized (TestMail.class) {
				if (instance == null) {
					instance = new TestMail();
				}
			}
		}
		return instance;
	}

	public int port() {
		return this.port;
	}

	/**
	 * The newest message to the address, waiting up to twenty seconds for it (the outbox
	 * sends within a second or two).
	 */
	public MimeMessage latestTo(String address) {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (System.nanoTime() < deadline) {
			List<MimeMessage> messages = to(address);
			if (!messages.isEmpty()) {
				return messages.get(messages.size() - 1);
			}
			sleep();
		}
		throw new AssertionError("No e-mail arrived for " + address);
	}

	public List<MimeMessage> to(String address) {
		return Arrays.stream(this.server.getReceivedMessages()).filter((message) -> {
			try {
				return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
					.anyMatch((recipient) -> recipient.toString().equalsIgnoreCase(address));
			}
			catch (MessagingException ex) {
				return false;
			}
		}).toList();
	}

	/**
	 * The newest message to the address with a link to the path, waiting for it; returns
	 * the link.
	 */
	public String awaitLink(String address, String path) {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (System.nanoTime() < deadline) {
			List<MimeMessage> messages = to(address);
			for (int i = messages.size() - 1; i >= 0; i--) {
				if (content(messages.get(i)).contains(path)) {
					return link(messages.get(i), path);
				}
			}
			sleep();
		}
		throw new AssertionError("No e-mail with a link to " + path + " arrived for " + address);
	}

	/**
	 * The newest message to the address whose subject contains the text, waiting for it.
	 */
	public MimeMessage awaitSubject(String address, String subject) {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (System.nanoTime() < deadline) {
			List<MimeMessage> messages = to(address);
			for (int i = messages.size() - 1; i >= 0; i--) {
				try {
					if (messages.get(i).getSubject().contains(subject)) {
						return messages.get(i);
					}
				}
				catch (MessagingException ex) {
					throw new AssertionError(ex);
				}
			}
			sleep();
		}
		throw new AssertionError("No e-mail with subject '" + subject + "' arrived for " + address);
	}

	/** The decoded text and HTML of a message, as a person's mail program shows them. */
	public static String content(MimeMessage message) {
		try {
			StringBuilder all = new StringBuilder();
			collect(message.getContent(), all);
			return all.toString();
		}
		catch (MessagingException | java.io.IOException ex) {
			throw new AssertionError(ex);
		}
	}

	private static void collect(Object content, StringBuilder all) throws MessagingException, java.io.IOException {
		if (content instanceof jakarta.mail.Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				collect(multipart.getBodyPart(i).getContent(), all);
			}
		}
		else if (content instanceof String text) {
			all.append(text).append('\n');
		}
	}

	/** The first link in the message that contains the given path. */
	public static String link(MimeMessage message, String path) {
		String body = content(message);
		Matcher matcher = Pattern.compile("https?://[^\\s\"<>]*" + Pattern.quote(path) + "[^\\s\"<>]*").matcher(body);
		if (!matcher.find()) {
			throw new AssertionError("No link to " + path + " in: " + body);
		}
		return matcher.group();
	}

	private static void sleep() {
		try {
			Thread.sleep(50);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
