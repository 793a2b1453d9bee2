package org.consilium.cases;

import java.util.Optional;

import org.consilium.identity.Contacts;
import org.consilium.identity.PatientProfiles;
import org.consilium.notify.Notice;
import org.consilium.notify.Notifications;
import org.consilium.tenant.TenantLinks;
import org.consilium.tenant.Tenants;
import org.consilium.tenantconfig.NotificationKind;

import org.springframework.stereotype.Component;

/**
 * E-mails (and in-app notices) to a case's patient, through the outbox in the caller's
 * transaction: in the patient's language, with a link to a page of the programme's own
 * site (jobs and webhooks run on no site, staff on the operator's), never what the case
 * holds. Nothing is sent to a patient without an account here.
 */
@Component
public class PatientNotices {

	private final Contacts contacts;

	private final PatientProfiles profiles;

	private final Notifications notifications;

	private final Tenants tenants;

	private final TenantLinks links;

	PatientNotices(Contacts contacts, PatientProfiles profiles, Notifications notifications, Tenants tenants,
			TenantLinks links) {
		this.contacts = contacts;
		this.profiles = profiles;
		this.notifications = notifications;
		this.tenants = tenants;
		this.links = links;
	}

	/** Sends the notice linking to {@code path} of the current programme's site. */
	public void send(NotificationKind kind, String patientId, String path) {
		notice(kind, patientId, path).ifPresent(this.notifications::send);
	}

	/** The notice, for callers that send it their own way (e.g. at most once a day). */
	public Optional<Notice> notice(NotificationKind kind, String patientId, String path) {
		var locale = this.profiles.preferredLocale(patientId, this.tenants.current().config().defaultLocale());
		return this.contacts.find(patientId)
			.map((to) -> Notice.email(kind, to.email(), to.displayName(), locale, this.links.to(path))
				.toUser(patientId));
	}

}
