package org.consilium.billing.internal;

import java.util.Locale;

import org.consilium.cases.CaseReference;
import org.consilium.identity.Contacts;
import org.consilium.identity.PatientProfiles;
import org.consilium.notify.Notice;
import org.consilium.notify.Notifications;
import org.consilium.tenant.TenantLinks;
import org.consilium.tenant.Tenants;
import org.consilium.tenantconfig.NotificationKind;

import org.springframework.stereotype.Component;

/**
 * Tells the patient that a payment needs them, through the outbox in the caller's
 * transaction: a link to the case's payment page on the programme's site (no amounts or
 * clinical content in the e-mail).
 */
@Component
class PaymentNotices {

	private final Contacts contacts;

	private final PatientProfiles profiles;

	private final Notifications notifications;

	private final Tenants tenants;

	private final TenantLinks links;

	PaymentNotices(Contacts contacts, PatientProfiles profiles, Notifications notifications, Tenants tenants,
			TenantLinks links) {
		this.contacts = contacts;
		this.profiles = profiles;
		this.notifications = notifications;
		this.tenants = tenants;
		this.links = links;
	}

	void actionNeeded(String patientId, CaseReference reference) {
		Locale locale = this.profiles.preferredLocale(patientId, this.tenants.current().config().defaultLocale());
		this.contacts.find(patientId)
			.ifPresent((to) -> this.notifications.send(
					Notice
						.email(NotificationKind.PAYMENT_ACTION_NEEDED, to.email(), to.displayName(), locale,
								this.links.to("cases/" + reference.value() + "/payment"))
						.toUser(patientId)));
	}

	String email(String patientId) {
		return this.contacts.find(patientId).map(Contacts.Contact::email).orElse(null);
	}

}
