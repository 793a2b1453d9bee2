package org.consilium.notify.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the outbox is worked off.
 *
 * @param transport {@code SMTP}, or {@code DEV_MAILBOX} to keep e-mails in a development
 * page
 * @param maxAttempts attempts before a message is parked as failed
 * @param firstRetry delay after the first failure; it doubles with each further failure
 * @param dispatchInterval how often the dispatcher looks for due messages
 * @param messageIdDomain the domain part of every Message-ID
 */
@ConfigurationProperties("consilium.notify")
record NotifyProperties(@DefaultValue("SMTP") Transport transport, @DefaultValue("6") int maxAttempts,
		@DefaultValue("30s") Duration firstRetry, @DefaultValue("5s") Duration dispatchInterval,
		@DefaultValue("consilium.example") String messageIdDomain) {

	enum Transport {

		SMTP, DEV_MAILBOX

	}

	/** 30 s, 1 min, 2 min, 4 min, ... capped at 6 hours. */
	Duration backoff(int attempts) {
		Duration delay = this.firstRetry.multipliedBy(1L << Math.min(attempts - 1, 20));
		return (delay.compareTo(Duration.ofHours(6)) > 0) ? Duration.ofHours(6) : delay;
	}

}
