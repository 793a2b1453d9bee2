package org.consilium.records.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

import org.consilium.cases.CaseActivity;
import org.consilium.cases.CaseLifecycle;
import org.consilium.cases.CaseReference;
import org.consilium.identity.Contacts;
import org.consilium.identity.CurrentUser;
import org.consilium.identity.PatientProfiles;
import org.consilium.notify.Notice;
import org.consilium.notify.Notifications;
import org.consilium.tenant.TenantLinks;
import org.consilium.tenant.Tenants;
import org.consilium.tenantconfig.NotificationKind;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells the patient that records reached their case: uploaded by their doctor or by
 * staff, or logged as arrived by e-mail, fax or mail (a materials-list item ticked off
 * counts too). Through the outbox in the transaction that added them, with a link to the
 * case's records and nothing about what they are.
 * <p>
 * At most one such notice per case in 24 hours: records come file by file (one
 * transaction each, and a logged arrival often follows its scan), and the patient needs
 * to hear once that records came in, not once per file. None for the patient's own
 * uploads: they see them on the page as they add them.
 */
@Component
class RecordsReceivedNotices {

	static final Duration AT_MOST_ONCE_IN = Duration.ofHours(24);

	private final CaseLifecycle lifecycle;

	private final Contacts contacts;

	private final PatientProfiles profiles;

	private final Notifications notifications;

	private final Tenants tenants;

	private final TenantLinks links;

	private final Clock clock;

	RecordsReceivedNotices(CaseLifecycle lifecycle, Contacts contacts, PatientProfiles profiles,
			Notifications notifications, Tenants tenants, TenantLinks links, Clock clock) {
		this.lifecycle = lifecycle;
		this.contacts = contacts;
		this.profiles = profiles;
		this.notifications = notifications;
		this.tenants = tenants;
		this.links = links;
		this.clock = clock;
	}

	/** Published by the upload and arrival services in their own transactions. */
	@EventListener
	void on(CaseActivity activity) {
		if (!recordsArrived(activity.what())) {
			return;
		}
		String patientId = this.lifecycle.participants(activity.caseId()).patientId();
		if (CurrentUser.find().filter((user) -> user.id().equals(patientId)).isPresent()) {
			return;
		}
		CaseReference reference = this.lifecycle.summary(activity.caseId()).reference();
		Locale locale = this.profiles.preferredLocale(patientId, this.tenants.current().config().defaultLocale());
		this.contacts.find(patientId)
			.ifPresent((to) -> this.notifications.sendUnlessSentSince(Notice
				.email(NotificationKind.RECORDS_RECEIVED, to.email(), to.displayName(), locale,
						this.links.to("cases/" + reference.value() + "/records"))
				.toUser(patientId), this.clock.instant().minus(AT_MOST_ONCE_IN)));
	}

	/**
	 * The timeline entries that mean records came in: an upload (also one to be
	 * translated), an arrival logged by channel, a materials-list item ticked off.
	 */
	static boolean recordsArrived(String what) {
		return what.equals("record-uploaded") || what.equals("record-uploaded-translation")
				|| what.startsWith("material-arrived-") || what.equals("material-received");
	}

}
