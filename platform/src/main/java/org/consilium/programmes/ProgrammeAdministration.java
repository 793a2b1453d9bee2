package org.consilium.programmes;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.consilium.tenant.TenantId;

import org.springframework.security.access.prepost.PreAuthorize;

/**
 * Platform admins create, suspend and reactivate programmes. Each action is one
 * transaction and is audited in the programme's own partition. Methods that take input
 * return problems per field; an empty map means it was done, anything else that nothing
 * was written.
 */
public interface ProgrammeAdministration {

	/** The fields problems are reported on. */
	String SLUG = "slug";

	String NAME = "name";

	String HOSTS = "hosts";

	String LOCALES = "locales";

	String ADMIN_NAME = "adminName";

	String ADMIN_EMAIL = "adminEmail";

	String REASON = "reason";

	/** Problems that belong to no field of the form. */
	String FORM = "form";

	@PreAuthorize("hasRole('PLATFORM_ADMIN')")
	List<Programme> programmes();

	/**
	 * Validates the programme with the tenant-config rules (the same messages a tenant
	 * file gets), stores it as configuration version 1 and invites its first admin by
	 * e-mail, in the admin's language.
	 */
	@PreAuthorize("hasRole('PLATFORM_ADMIN')")
	Map<String, List<Problem>> create(NewProgramme programme, Locale adminLocale);

	/** Signs the programme's users out and closes its site; its data is kept. */
	@PreAuthorize("hasRole('PLATFORM_ADMIN')")
	Map<String, List<Problem>> suspend(TenantId programme, String reason);

	@PreAuthorize("hasRole('PLATFORM_ADMIN')")
	Map<String, List<Problem>> reactivate(TenantId programme);

	/** A programme as the operator's list shows it. */
	record Programme(String slug, String displayName, List<String> hosts, boolean active, int version) {
	}

	/**
	 * One problem: a message key, with the tenant-config validation's own reason as its
	 * argument where the problem comes from there.
	 */
	record Problem(String messageKey, String reason) {

		public static Problem of(String messageKey) {
			return new Problem(messageKey, null);
		}

	}

}
