package org.consilium.tenant;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.consilium.tenantconfig.ConfigProblem;
import org.consilium.tenantconfig.LoadedTenant;
import org.consilium.tenantconfig.TenantConfig;

/**
 * Every configuration a tenant ever had, and the one way to add one outside the tenant
 * files: validated by the same loader and the same cross-tenant checks as the files,
 * stored as a new immutable version with who, when and why, applied on every node.
 * Callers check who may do this (the admin console does; this is plumbing).
 */
public interface TenantVersions {

	/** Newest first. */
	List<ConfigVersion> history(TenantId tenant);

	Optional<StoredVersion> version(TenantId tenant, int version);

	StoredVersion current(TenantId tenant);

	/**
	 * Validates a tenant file as if it were {@code tenants/<slug>.yaml}, against the
	 * other tenants too (hosts and identity providers belong to one tenant) and with the
	 * installation's own hosts reserved.
	 * @param assets logo, favicon and metadata files the YAML may refer to, by path
	 */
	Validation validate(TenantId tenant, String yaml, Map<String, byte[]> assets);

	/**
	 * Stores a validated configuration as the tenant's new current version.
	 * @param expectedVersion the version the change was made from; if another change
	 * landed since, nothing is stored
	 * @throws StaleConfigurationException if the current version is no longer
	 * {@code expectedVersion}
	 * @throws InvalidConfigurationException listing every problem; nothing is stored
	 */
	Change save(TenantId tenant, int expectedVersion, String yaml, Map<String, byte[]> assets, Origin origin,
			String author, String note);

	/**
	 * The configuration a tenant had at a version, for work that must keep the terms it
	 * started under (a case's price).
	 */
	Optional<TenantConfig> configAt(TenantId tenant, int version);

	/**
	 * Whether the programme was created from the tenant files (its first version came
	 * from them), as the demo programmes are; one a platform admin created is not.
	 */
	boolean createdFromFiles(TenantId tenant);

	enum Origin {

		/** The tenant files, at start-up or reload. */
		FILE,
		/** An edit in the admin console. */
		CONSOLE,
		/** A tenant file uploaded in the admin console. */
		IMPORT,
		/** An earlier version made current again (stored as a new version). */
		ROLLBACK,
		/** A new programme created by a platform admin. */
		ONBOARDING

	}

	/** A version as listed in the history. */
	record ConfigVersion(int version, Instant createdAt, String createdBy, Origin origin, String note,
			boolean current) {

	}

	/** A version with its text and files. */
	record StoredVersion(ConfigVersion summary, String yaml, Map<String, byte[]> assets) {

		public StoredVersion {
			assets = Map.copyOf(assets);
		}

		public int version() {
			return this.summary.version();
		}

	}

	/** The outcome of validation: the loaded tenant, or every problem. */
	record Validation(Optional<LoadedTenant> tenant, List<ConfigProblem> problems) {

		public Validation {
			problems = List.copyOf(problems);
		}

		public boolean valid() {
			return this.problems.isEmpty();
		}

	}

	/**
	 * @param version the current version after the change
	 * @param stored false when the content equalled the current version (nothing added)
	 */
	record Change(int previousVersion, int version, boolean stored) {

	}

	/** The configuration changed since the caller read it. */
	class StaleConfigurationException extends RuntimeException {

		private final ConfigVersion current;

		public StaleConfigurationException(ConfigVersion current) {
			super("The configuration is now at version " + current.version() + " (by " + current.createdBy() + ")");
			this.current = current;
		}

		public ConfigVersion current() {
			return this.current;
		}

	}

	/** The configuration failed validation; nothing was stored. */
	class InvalidConfigurationException extends RuntimeException {

		private final List<ConfigProblem> problems;

		public InvalidConfigurationException(List<ConfigProblem> problems) {
			super(String.join("\n", problems.stream().map(ConfigProblem::describe).toList()));
			this.problems = List.copyOf(problems);
		}

		public List<ConfigProblem> problems() {
			return this.problems;
		}

	}

}
