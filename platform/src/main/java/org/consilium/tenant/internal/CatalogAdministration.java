package org.consilium.tenant.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.consilium.tenant.TenancyProperties;
import org.consilium.tenant.Tenant;
import org.consilium.tenant.TenantConfigAdministration;
import org.consilium.tenant.TenantConfigChanged;
import org.consilium.tenant.TenantVersions.Origin;
import org.consilium.tenant.TenantId;
import org.consilium.tenantconfig.ConfigProblem;
import org.consilium.tenantconfig.LoadedTenant;
import org.consilium.tenantconfig.TenantConfigException;
import org.consilium.tenantconfig.TenantConfigLoader;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.Assert;

/**
 * Catalog changes from the operator console, in the caller's transaction. Conflicts are
 * checked against what is stored (not this node's snapshot), under the same advisory lock
 * the file sync takes, so two nodes cannot create the same slug or host at once.
 */
@Service
class CatalogAdministration implements TenantConfigAdministration {

	private final TenantStore store;

	private final TenantDirectory directory;

	private final TenancyProperties properties;

	private final JdbcTemplate jdbc;

	private final ApplicationEventPublisher events;

	private final TenantConfigLoader loader = new TenantConfigLoader();

	CatalogAdministration(TenantStore store, TenantDirectory directory, TenancyProperties properties, JdbcTemplate jdbc,
			ApplicationEventPublisher events) {
		this.store = store;
		this.directory = directory;
		this.properties = properties;
		this.jdbc = jdbc;
		this.events = events;
	}

	@Override
	public void create(LoadedTenant tenant, String source, String createdBy) {
		lockCatalog();
		List<ConfigProblem> problems = new ArrayList<>(InstallationHosts.clashes(List.of(tenant), this.properties));
		List<LoadedTenant> all = new ArrayList<>(stored());
		all.add(tenant);
		// The loader's own cross-check, so a clash reads exactly as between two files;
		// only the new tenant's problems are ours to report.
		this.loader.crossCheck(all)
			.stream()
			.filter((problem) -> problem.source().equals(tenant.source()))
			.forEach(problems::add);
		if (problems.isEmpty() && this.store.lockCurrentVersion(tenant.config().slug()).isPresent()) {
			problems.add(new ConfigProblem(tenant.source(), "slug",
					"'" + tenant.config().slug() + "' is already the slug of "
							+ this.store.findCurrent(tenant.config().slug())
								.map(StoredTenant::sourceName)
								.orElse("another tenant"),
					0));
		}
		if (!problems.isEmpty()) {
			throw new TenantConfigException(problems);
		}
		this.store.create(tenant, Origin.ONBOARDING, createdBy, null);
		this.events.publishEvent(new TenantConfigChanged(TenantId.of(tenant.config().slug()), 0, 1, source, createdBy));
		refreshAfterCommit();
	}

	@Override
	public void suspend(TenantId tenant) {
		change(tenant, Tenant.Status.ACTIVE, Tenant.Status.SUSPENDED);
	}

	@Override
	public void reactivate(TenantId tenant) {
		change(tenant, Tenant.Status.SUSPENDED, Tenant.Status.ACTIVE);
	}

	private void change(TenantId tenant, Tenant.Status from, Tenant.Status to) {
		lockCatalog();
		Optional<Tenant.Status> current = this.store.lockStatus(tenant.value());
		if (current.isEmpty()) {
			throw new IllegalArgumentException("No tenant " + tenant);
		}
		if (current.get() != from) {
			throw new IllegalStateException("Tenant " + tenant + " is " + current.get() + ", not " + from);
		}
		this.store.changeStatus(tenant.value(), to);
		refreshAfterCommit();
	}

	/**
	 * Every stored tenant as the loader returned it, named by the file it came from (e.g.
	 * {@code tenants/acme.yaml}): the directory brought up to date with the database
	 * first, which is exact while the catalog lock is held. One that no longer parses is
	 * served by no one and its hosts are unknown; its slug is still taken (checked
	 * separately).
	 */
	private List<LoadedTenant> stored() {
		this.directory.refreshIfChanged();
		return this.directory.loaded();
	}

	private void lockCatalog() {
		Assert.state(TransactionSynchronizationManager.isActualTransactionActive(),
				"Catalog changes run in the caller's transaction");
		this.jdbc.queryForObject("select pg_advisory_xact_lock(hashtext('consilium.tenant-catalog'))::text",
				String.class);
	}

	private void refreshAfterCommit() {
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				CatalogAdministration.this.directory.refresh();
			}
		});
	}

}
