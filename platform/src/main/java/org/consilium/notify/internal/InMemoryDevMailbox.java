package org.consilium.notify.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;

import org.consilium.notify.DevMailbox;

/**
 * Development only: e-mails kept in memory and shown on a clearly labelled page, so the
 * README's run command works without any mail server and a new user can still follow a
 * verification link. Created by {@link DevMailboxConfiguration} alone, in the dev
 * profile.
 */
class InMemoryDevMailbox implements DevMailbox {

	private static final int KEEP = 200;

	private final Deque<Entry> messages = new ConcurrentLinkedDeque<>();

	/** The development mailbox's way of "sending". */
	void keep(RenderedMail mail) {
		this.messages.addFirst(new Entry(Instant.now(), mail.to(), mail.subject(), mail.text(), mail.html()));
		while (this.messages.size() > KEEP) {
			this.messages.pollLast();
		}
	}

	@Override
	public List<Entry> messages() {
		return new ArrayList<>(this.messages);
	}

}
