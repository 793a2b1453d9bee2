package org.consilium.tenant.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.consilium.tenant.TenancyProperties;
import org.consilium.tenant.TenantConfigChanged;
import org.consilium.tenant.TenantConfigSync;
import org.consilium.tenant.TenantId;
import org.consilium.tenant.TenantSyncReport;
import org.consilium.tenant.TenantVersions.Origin;
import org.consilium.tenantconfig.ConfigProblem;
import org.consilium.tenantconfig.LoadedTenant;
import org.consilium.tenantconfig.TenantConfigException;
import org.consilium.tenantconfig.TenantConfigLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Loads tenant files into the catalog in one transaction: a new file creates a tenant, a
 * changed file (YAML or any asset) adds a configuration version, an unchanged one does
 * nothing. A tenant missing from the files is kept: deleting a programme is never a side
 * effect of a missing file.
 */
@Service
class FileTenantConfigSync implements TenantConfigSync {

	private static final Logger log = LoggerFactory.getLogger(FileTenantConfigSync.class);

	private final TenantFiles files;

	private final TenantStore store;

	private final CatalogTransactions transactions;

	private final TenantDirectory directory;

	private final TenancyProperties properties;

	private final ApplicationEventPublisher events;

	private final TenantConfigLoader loader = new TenantConfigLoader();

	FileTenantConfigSync(TenantFiles files, TenantStore store, CatalogTransactions transactions,
			TenantDirectory directory, TenancyProperties properties, ApplicationEventPublisher events) {
		this.files = files;
		this.store = store;
		this.transactions = transactions;
		this.directory = directory;
		this.properties = properties;
		this.events = events;
	}

	@Override
	public TenantSyncReport syncFromFiles(String changedBy) {
		List<LoadedTenant> loaded;
		try {
			loaded = this.loader.loadDirectory(this.files.directory());
		}
		catch (TenantConfigException ex) {
			return new TenantSyncReport(List.of(), List.of(), List.of(),
					ex.problems().stream().map(ConfigProblem::describe).toList());
		}
		List<String> clashes = InstallationHosts.clashes(loaded, this.properties)
			.stream()
			.map(ConfigProblem::describe)
			.toList();
		if (!clashes.isEmpty()) {
			return new TenantSyncReport(List.of(), List.of(), List.of(), clashes);
		}
		TenantSyncReport report = this.transactions.inPlatformScope(() -> {
			List<String> claimed = claimedElsewhere(loaded);
			return claimed.isEmpty() ? apply(loaded, changedBy)
					: new TenantSyncReport(List.of(), List.of(), List.of(), claimed);
		});
		this.directory.refresh();
		if (!report.created().isEmpty() || !report.updated().isEmpty()) {
			log.info("Tenant catalog synced from {}: created {}, updated {}, unchanged {}", this.files.directory(),
					report.created(), report.updated(), report.unchanged());
		}
		return report;
	}

	/**
	 * Hosts and identity providers of programmes that are not in the files (made by a
	 * platform admin, or from another files directory) stay theirs: a file claiming one
	 * is refused like a clash between two files. Read under the catalog lock, from the
	 * database.
	 */
	private List<String> claimedElsewhere(List<LoadedTenant> files) {
		this.directory.refreshIfChanged();
		Set<String> slugs = files.stream().map((file) -> file.config().slug()).collect(Collectors.toSet());
		Set<String> sources = files.stream().map(LoadedTenant::source).collect(Collectors.toSet());
		List<LoadedTenant> all = new ArrayList<>(
				this.directory.loaded().stream().filter((stored) -> !slugs.contains(stored.config().slug())).toList());
		all.addAll(files);
		return this.loader.crossCheck(all)
			.stream()
			.filter((problem) -> sources.contains(problem.source()))
			.map(ConfigProblem::describe)
			.toList();
	}

	private TenantSyncReport apply(List<LoadedTenant> loaded, String changedBy) {
		List<String> created = new ArrayList<>();
		List<String> updated = new ArrayList<>();
		List<String> unchanged = new ArrayList<>();
		for (LoadedTenant tenant : loaded) {
			String id = tenant.config().slug();
			Optional<Integer> current = this.store.lockCurrentVersion(id);
			if (current.isEmpty()) {
				this.store.create(tenant, Origin.FILE, changedBy, null);
				this.events.publishEvent(new TenantConfigChanged(TenantId.of(id), 0, 1, tenant.source(), changedBy));
				created.add(id);
			}
			else if (!this.store.lastFileFingerprint(id).orElse("").equals(tenant.fingerprint())
					&& !this.store.fingerprintOf(id, current.get()).orElse("").equals(tenant.fingerprint())) {
				// The file changed since it was last loaded: its author's newer word wins
				// over console edits made meanwhile (they stay in the history).
				int next = current.get() + 1;
				this.store.addVersion(tenant, next, Origin.FILE, changedBy, null);
				this.events.publishEvent(
						new TenantConfigChanged(TenantId.of(id), current.get(), next, tenant.source(), changedBy));
				updated.add(id);
			}
			else {
				unchanged.add(id);
			}
		}
		return new TenantSyncReport(created, updated, unchanged, List.of());
	}

}
