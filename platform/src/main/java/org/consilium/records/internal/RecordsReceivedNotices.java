package org.consilium.records.internal;

import java.time.Clock;
import java.time.Duration;

import org.consilium.cases.CaseActivity;
import org.consilium.cases.CaseLifecycle;
import org.consilium.cases.CaseReference;
import org.consilium.cases.PatientNotices;
import org.consilium.identity.CurrentUser;
import org.consilium.notify.Notifications;
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

	private final PatientNotices notices;

	private final Notifications notifications;

	private final Clock clock;

	RecordsReceivedNotices(CaseLifecycle lifecycle, PatientNotices notices, Notifications notifications, Clock clock) {
		this.lifecycle = lifecycle;
		this.notices = notices;
		this.notifications = notifications;
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
		this.notices.notice(NotificationKind.RECORDS_RECEIVED, patientId, "cases/" + reference.value() + "/records")
			.ifPresent((notice) -> this.notifications.sendUnlessSentSince(notice,
					this.clock.instant().minus(AT_MOST_ONCE_IN)));
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
