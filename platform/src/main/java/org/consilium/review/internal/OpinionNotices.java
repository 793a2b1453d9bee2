package org.consilium.review.internal;

import java.util.Locale;
import java.util.Optional;

import org.consilium.cases.CaseReference;
import org.consilium.cases.PatientNotices;
import org.consilium.identity.Contacts;
import org.consilium.notify.Notice;
import org.consilium.notify.Notifications;
import org.consilium.tenant.TenantLinks;
import org.consilium.tenant.Tenants;
import org.consilium.tenantconfig.NotificationKind;

import org.springframework.stereotype.Component;

/**
 * E-mails (and in-app notices) about a published opinion, through the outbox in the
 * caller's transaction: a link to the opinion on the programme's site, never its content.
 */
@Component
class OpinionNotices {

	private final Contacts contacts;

	private final PatientNotices patients;

	private final Notifications notifications;

	private final Tenants tenants;

	private final TenantLinks links;

	OpinionNotices(Contacts contacts, PatientNotices patients, Notifications notifications, Tenants tenants,
			TenantLinks links) {
		this.contacts = contacts;
		this.patients = patients;
		this.notifications = notifications;
		this.tenants = tenants;
		this.links = links;
	}

	void toPhysician(String physicianUserId, CaseReference reference) {
		send(NotificationKind.OPINION_READY, physicianUserId, defaultLocale(), reference);
	}

	void toPatient(NotificationKind kind, String patientId, CaseReference reference) {
		this.patients.send(kind, patientId, "cases/" + reference.value() + "/opinion");
	}

	private void send(NotificationKind kind, String userId, Locale locale, CaseReference reference) {
		Optional<Contacts.Contact> contact = this.contacts.find(userId);
		contact.ifPresent((to) -> this.notifications.send(Notice
			.email(kind, to.email(), to.displayName(), locale, this.links.to("cases/" + reference.value() + "/opinion"))
			.toUser(userId)));
	}

	private Locale defaultLocale() {
		return this.tenants.current().config().defaultLocale();
	}

}
