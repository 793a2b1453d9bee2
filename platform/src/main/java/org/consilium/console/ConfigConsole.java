package org.consilium.console;

import java.util.List;

import org.consilium.tenant.TenantVersions.Change;
import org.consilium.tenant.TenantVersions.ConfigVersion;
import org.consilium.tenant.TenantVersions.Validation;
import org.consilium.tenantconfig.TextDiff;

import org.springframework.security.access.prepost.PreAuthorize;

/**
 * The current programme's configuration, for its tenant admins: always the tenant of the
 * request's host (a tenant admin's session is valid on its own site only), never a tenant
 * named by the caller.
 */
public interface ConfigConsole {

	/** Largest tenant file accepted for import. */
	int MAX_IMPORT_BYTES = 256 * 1024;

	/** A draft of the current version, to change in forms. */
	@PreAuthorize("hasRole('TENANT_ADMIN')")
	ConfigDraft draft();

	/** Validates a draft by the tenant files' rules, with the same messages. */
	@PreAuthorize("hasRole('TENANT_ADMIN')")
	Validation check(ConfigDraft draft);

	/**
	 * Stores the draft as a new version.
	 * @throws org.consilium.tenant.TenantVersions.InvalidConfigurationException nothing
	 * stored
	 * @throws org.consilium.tenant.TenantVersions.StaleConfigurationException someone
	 * else changed the configuration since the draft was taken
	 */
	@PreAuthorize("hasRole('TENANT_ADMIN')")
	Change save(ConfigDraft draft, String note);

	@PreAuthorize("hasRole('TENANT_ADMIN')")
	List<ConfigVersion> history();

	/**
	 * A version's text against the version before it (empty before version 1), both
	 * written out the same way so only real changes show, not wrapping or quoting.
	 */
	@PreAuthorize("hasRole('TENANT_ADMIN')")
	List<TextDiff.Line> changesIn(int version);

	/** The text of a version. */
	@PreAuthorize("hasRole('TENANT_ADMIN')")
	String yamlOf(int version);

	/**
	 * Makes an earlier version current again, as a new version (history never changes).
	 */
	@PreAuthorize("hasRole('TENANT_ADMIN')")
	Change rollBackTo(int version, int expectedCurrent);

	/** The current configuration as a tenant file, for version control. */
	@PreAuthorize("hasRole('TENANT_ADMIN')")
	Export export();

	/**
	 * A tenant file read for import: a draft to review (diff, problems) before saving it.
	 * Logos and other files it names are taken from the current version.
	 * @throws ImportRefusedException if the upload is not a UTF-8 text file of at most
	 * {@link #MAX_IMPORT_BYTES}
	 */
	@PreAuthorize("hasRole('TENANT_ADMIN')")
	ConfigDraft readImport(byte[] content);

	/**
	 * @param fileName e.g. {@code acme.yaml}
	 */
	record Export(String fileName, String yaml, int version) {

	}

	/** An upload that is not a tenant file at all. */
	class ImportRefusedException extends RuntimeException {

		private final String messageKey;

		public ImportRefusedException(String messageKey) {
			super(messageKey);
			this.messageKey = messageKey;
		}

		/** i18n key of the reason, shown to the admin. */
		public String messageKey() {
			return this.messageKey;
		}

	}

}
