package org.consilium.notify.internal;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.consilium.notify.Notifications;
import org.consilium.tenant.TenantOwned;
import org.consilium.tenantconfig.NotificationKind;

/**
 * A notice in a user's in-app list; its text is rendered in the reader's language when
 * shown.
 */
@Entity
@Table(name = "notification")
class InAppNoticeEntity extends TenantOwned {

	@Id
	private UUID id;

	@Column(name = "user_id", nullable = false, updatable = false)
	private String userId;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, updatable = false)
	private NotificationKind kind;

	@Column(nullable = false, updatable = false)
	private String link;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	@Column(name = "read_at")
	private Instant readAt;

	protected InAppNoticeEntity() {
	}

	InAppNoticeEntity(String userId, NotificationKind kind, String link, Instant now) {
		this.id = UUID.randomUUID();
		this.userId = userId;
		this.kind = kind;
		this.link = link;
		this.createdAt = now;
	}

	void markRead(Instant now) {
		if (this.readAt == null) {
			this.readAt = now;
		}
	}

	boolean belongsTo(String user) {
		return this.userId.equals(user);
	}

	Notifications.InAppNotice view() {
		return new Notifications.InAppNotice(this.id, this.kind, this.link, this.createdAt, this.readAt != null);
	}

}
