package org.consilium.tenantconfig;

import java.util.Locale;
import java.util.Optional;

/**
 * Every kind of message the platform sends. Tenants may override the wording of any of
 * them.
 */
public enum NotificationKind {

	EMAIL_VERIFICATION, PASSWORD_RESET, ALREADY_REGISTERED, DOCTOR_INVITATION, RECORDS_REQUESTED, RECORDS_RECEIVED,
	CASE_STATUS_UPDATE, OPINION_READY, DOCTOR_HAS_OPINION, PAYMENT_ACTION_NEEDED, CASE_CLOSED, RETRIEVAL_REQUEST,
	TURNAROUND_ESCALATION,
	/**
	 * The patient's own opinion is ready (delivered to the patient, with or without a
	 * doctor).
	 */
	PATIENT_OPINION_READY,
	/** A new programme's first admin is invited to choose a password. */
	ADMIN_INVITATION;

	/**
	 * The kebab-case name used in tenant files and message keys, e.g.
	 * {@code opinion-ready}.
	 */
	public String key() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	public static Optional<NotificationKind> fromKey(String key) {
		for (NotificationKind kind : values()) {
			if (kind.key().equals(key)) {
				return Optional.of(kind);
			}
		}
		return Optional.empty();
	}

}
