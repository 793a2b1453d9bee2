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

	private final GreenMail server;

	private TestMail() {
		this.server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
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
		return this.server.getSmtp().getPort();
	}

	/** The newest message to the address, waiting up to five seconds for it. */
	public MimeMessage latestTo(String address) {
		long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
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

	/** The first link in the message that contains the given path. */
	public static String link(MimeMessage message, String path) {
		String body = GreenMailUtil.getBody(message).replace("=\r\n", "").replace("=3D", "=");
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
