package org.consilium.billing.internal;

import org.consilium.cases.CaseReference;
import org.consilium.cases.PatientNotices;
import org.consilium.identity.Contacts;
import org.consilium.tenantconfig.NotificationKind;

import org.springframework.stereotype.Component;

/**
 * Tells the patient that a payment needs them, through the outbox in the caller's
 * transaction: a link to the case's payment page on the programme's site (no amounts or
 * clinical content in the e-mail).
 */
@Component
class PaymentNotices {

	private final PatientNotices notices;

	private final Contacts contacts;

	PaymentNotices(PatientNotices notices, Contacts contacts) {
		this.notices = notices;
		this.contacts = contacts;
	}

	void actionNeeded(String patientId, CaseReference reference) {
		this.notices.send(NotificationKind.PAYMENT_ACTION_NEEDED, patientId, "cases/" + reference.value() + "/payment");
	}

	String email(String patientId) {
		return this.contacts.find(patientId).map(Contacts.Contact::email).orElse(null);
	}

}
