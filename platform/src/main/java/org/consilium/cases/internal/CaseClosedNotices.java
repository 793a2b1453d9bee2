package org.consilium.cases.internal;

import java.util.Locale;

import org.consilium.cases.CaseNotFoundException;
import org.consilium.cases.CaseStatus;
import org.consilium.cases.CaseStatusChanged;
import org.consilium.identity.Contacts;
import org.consilium.identity.PatientProfiles;
import org.consilium.notify.Notice;
import org.consilium.notify.Notifications;
import org.consilium.tenant.TenantContext;
import org.consilium.tenant.TenantLinks;
import org.consilium.tenant.Tenants;
import org.consilium.tenantconfig.NotificationKind;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.util.Assert;

/**
 * Tells the patient their case is closed, through the outbox in the transaction that
 * closed it: a link to the case on the programme's site (the closing step may run on no
 * site at all, e.g. a payment webhook), never what it holds.
 */
@Component
class CaseClosedNotices {

	private final MedicalCaseRepository cases;

	private final Contacts contacts;

	private final PatientProfiles profiles;

	private final Notifications notifications;

	private final Tenants tenants;

	private final TenantLinks links;

	CaseClosedNotices(MedicalCaseRepository cases, Contacts contacts, PatientProfiles profiles,
			Notifications notifications, Tenants tenants, TenantLinks links) {
		this.cases = cases;
		this.contacts = contacts;
		this.profiles = profiles;
		this.notifications = notifications;
		this.tenants = tenants;
		this.links = links;
	}

	@EventListener
	void closed(CaseStatusChanged changed) {
		if (changed.to() != CaseStatus.CLOSED) {
			return;
		}
		Assert.state(changed.tenant().equals(TenantContext.current()),
				() -> "Case event of " + changed.tenant() + " in another tenant");
		String patientId = this.cases.findById(changed.caseId().value())
			.orElseThrow(() -> new CaseNotFoundException(changed.caseId()))
			.patientId();
		Locale locale = this.profiles.preferredLocale(patientId, this.tenants.current().config().defaultLocale());
		this.contacts.find(patientId)
			.ifPresent((to) -> this.notifications.send(
					Notice
						.email(NotificationKind.CASE_CLOSED, to.email(), to.displayName(), locale,
								this.links.to("cases/" + changed.reference().value()))
						.toUser(patientId)));
	}

}
