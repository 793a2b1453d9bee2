package org.consilium.notify.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.consilium.notify.Notice;
import org.consilium.tenant.TenantOwned;
import org.consilium.tenantconfig.NotificationKind;

/**
 * One e-mail in the outbox. Its Message-ID is fixed when it is written, so a copy sent
 * again after a crash is recognisably the same message.
 */
@Entity
@Table(name = "notification_outbox")
class OutboxMessage extends TenantOwned {

	private static final int MAX_ERROR = 1000;

	@Id
	private UUID id;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, updatable = false)
	private NotificationKind kind;

	@Column(name = "recipient_email", nullable = false, updatable = false)
	private String recipientEmail;

	@Column(name = "recipient_name", updatable = false)
	private String recipientName;

	@Column(name = "recipient_user_id", updatable = false)
	private String recipientUserId;

	@Column(nullable = false, updatable = false)
	private String locale;

	@Column(nullable = false, updatable = false)
	private String link;

	@Column(name = "message_id", nullable = false, updatable = false)
	private String messageId;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private Status status;

	@Column(nullable = false)
	private int attempts;

	@Column(name = "next_attempt_at", nullable = false)
	private Instant nextAttemptAt;

	@Column(name = "last_error")
	private String lastError;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	@Column(name = "sent_at")
	private Instant sentAt;

	@Version
	private long version;

	protected OutboxMessage() {
	}

	static OutboxMessage of(Notice notice, String messageIdDomain, Instant now) {
		OutboxMessage message = new OutboxMessage();
		message.id = UUID.randomUUID();
		message.kind = notice.kind();
		message.recipientEmail = notice.recipientEmail();
		message.recipientName = notice.recipientName();
		message.recipientUserId = notice.recipientUserId().orElse(null);
		message.locale = notice.locale().toLanguageTag();
		message.link = notice.link();
		message.messageId = "<" + message.id + "@" + messageIdDomain + ">";
		message.status = Status.PENDING;
		message.nextAttemptAt = now;
		message.createdAt = now;
		return message;
	}

	boolean isPending() {
		return this.status == Status.PENDING;
	}

	void sent(Instant now) {
		if (this.status != Status.PENDING) {
			throw new IllegalStateException("Message " + this.id + " is " + this.status + ", not pending");
		}
		this.attempts++;
		this.status = Status.SENT;
		this.sentAt = now;
		this.lastError = null;
	}

	/** Records a failed attempt. @return whether the message is now parked as failed */
	boolean failed(String error, int maxAttempts, Duration retryIn, Instant now) {
		this.attempts++;
		this.lastError = (error != null && error.length() > MAX_ERROR) ? error.substring(0, MAX_ERROR) : error;
		if (this.attempts >= maxAttempts) {
			this.status = Status.FAILED;
			return true;
		}
		this.nextAttemptAt = now.plus(retryIn);
		return false;
	}

	/** A platform admin sends a parked message again: a fresh series of attempts. */
	void retry(Instant now) {
		if (this.status != Status.FAILED) {
			throw new IllegalStateException("Only a failed message can be retried; " + this.id + " is " + this.status);
		}
		this.status = Status.PENDING;
		this.attempts = 0;
		this.nextAttemptAt = now;
	}

	UUID id() {
		return this.id;
	}

	NotificationKind kind() {
		return this.kind;
	}

	String recipientEmail() {
		return this.recipientEmail;
	}

	String recipientName() {
		return this.recipientName;
	}

	Locale locale() {
		return Locale.forLanguageTag(this.locale);
	}

	String link() {
		return this.link;
	}

	String messageId() {
		return this.messageId;
	}

	Status status() {
		return this.status;
	}

	int attempts() {
		return this.attempts;
	}

	Instant nextAttemptAt() {
		return this.nextAttemptAt;
	}

	String lastError() {
		return this.lastError;
	}

	Instant createdAt() {
		return this.createdAt;
	}

	enum Status {

		PENDING, SENT, FAILED

	}

}
