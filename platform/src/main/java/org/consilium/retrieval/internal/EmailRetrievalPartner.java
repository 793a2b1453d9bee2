package org.consilium.retrieval.internal;

import org.consilium.notify.Notice;
import org.consilium.notify.Notifications;
import org.consilium.retrieval.RetrievalPartner;
import org.consilium.tenant.Tenants;
import org.consilium.tenantconfig.NotificationKind;

import org.springframework.stereotype.Component;

/**
 * The first partner: an e-mail through the outbox to the configured address, in the
 * programme's language, carrying only a link to the letter (no names, no records).
 */
@Component
class EmailRetrievalPartner implements RetrievalPartner {

	private final Notifications notifications;

	private final Tenants tenants;

	private final RetrievalProperties properties;

	EmailRetrievalPartner(Notifications notifications, Tenants tenants, RetrievalProperties properties) {
		this.notifications = notifications;
		this.tenants = tenants;
		this.properties = properties;
	}

	@Override
	public void forward(Forwarded request) {
		this.notifications.send(Notice.email(NotificationKind.RETRIEVAL_REQUEST, this.properties.partnerEmail(), null,
				this.tenants.current().config().defaultLocale(), request.letterLink()));
	}

}
