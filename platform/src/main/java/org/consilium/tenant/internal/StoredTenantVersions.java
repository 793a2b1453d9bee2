package org.consilium.tenant.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.consilium.tenant.TenancyProperties;
import org.consilium.tenant.Tenant;
import org.consilium.tenant.TenantConfigChanged;
import org.consilium.tenant.TenantId;
import org.consilium.tenant.TenantVersions;
import org.consilium.tenantconfig.AssetSource;
import org.consilium.tenantconfig.ConfigProblem;
import org.consilium.tenantconfig.LoadedTenant;
import org.consilium.tenantconfig.TenantConfig;
import org.consilium.tenantconfig.TenantConfigException;
import org.consilium.tenantconfig.TenantConfigLoader;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Configuration versions in the catalog tables. A change is validated twice: once for the
 * caller's preview, and again under the catalog lock against the other tenants as they
 * are at that moment, so two admins cannot both claim one host.
 */
@Service
class StoredTenantVersions implements TenantVersions {

	private final TenantStore store;

	private final CatalogTransactions transactions;

	private final TenantDirectory directory;

	private final TenancyProperties properties;

	private final ApplicationEventPublisher events;

	private final TenantConfigLoader loader = new TenantConfigLoader();

	/** Versions are immutable, so a parsed one never goes stale. */
	private final Map<String, TenantConfig> parsed = new ConcurrentHashMap<>();

	StoredTenantVersions(TenantStore store, CatalogTransactions transactions, TenantDirectory directory,
			TenancyProperties properties, ApplicationEventPublisher events) {
		this.store = store;
		this.transactions = transactions;
		this.directory = directory;
		this.properties = properties;
		this.events = events;
	}

	@Override
	public List<ConfigVersion> history(TenantId tenant) {
		return this.store.history(tenant.value());
	}

	@Override
	public Optional<StoredVersion> version(TenantId tenant, int version) {
		return this.store.version(tenant.value(), version);
	}

	@Override
	public StoredVersion current(TenantId tenant) {
		int current = this.directory.find(tenant)
			.map(Tenant::version)
			.orElseThrow(() -> new IllegalArgumentException("No tenant " + tenant));
		return version(tenant, current).orElseThrow();
	}

	@Override
	public Validation validate(TenantId tenant, String yaml, Map<String, byte[]> assets) {
		String source = "tenants/" + tenant.value() + ".yaml";
		LoadedTenant loaded;
		try {
			loaded = this.loader.parse(source, yaml, AssetSource.of(assets));
		}
		catch (TenantConfigException ex) {
			return new Validation(Optional.empty(), ex.problems());
		}
		List<ConfigProblem> problems = new ArrayList<>();
		if (!loaded.config().slug().equals(tenant.value())) {
			problems.add(new ConfigProblem(source, "slug",
					"is '" + tenant.value() + "' for this programme and cannot be changed here", 0));
		}
		problems.addAll(InstallationHosts.clashes(List.of(loaded), this.properties));
		problems.addAll(againstOthers(loaded));
		return problems.isEmpty() ? new Validation(Optional.of(loaded), List.of())
				: new Validation(Optional.empty(), problems);
	}

	@Override
	public Change save(TenantId tenant, int expectedVersion, String yaml, Map<String, byte[]> assets, Origin origin,
			String author, String note) {
		Change change = this.transactions.inPlatformScope(() -> {
			int current = this.store.lockCurrentVersion(tenant.value())
				.orElseThrow(() -> new IllegalArgumentException("No tenant " + tenant));
			if (current != expectedVersion) {
				throw new StaleConfigurationException(this.store.history(tenant.value()).get(0));
			}
			Validation validation = validate(tenant, yaml, assets);
			if (!validation.valid()) {
				throw new InvalidConfigurationException(validation.problems());
			}
			LoadedTenant loaded = validation.tenant().orElseThrow();
			if (this.store.fingerprintOf(tenant.value(), current).orElse("").equals(loaded.fingerprint())) {
				return new Change(current, current, false);
			}
			this.store.addVersion(loaded, current + 1, origin, author, note);
			this.events.publishEvent(new TenantConfigChanged(tenant, current, current + 1,
					origin.name().toLowerCase(java.util.Locale.ROOT), author));
			return new Change(current, current + 1, true);
		});
		if (change.stored()) {
			this.directory.refresh();
		}
		return change;
	}

	@Override
	public boolean createdFromFiles(TenantId tenant) {
		return this.store.history(tenant.value())
			.stream()
			.filter((version) -> version.version() == 1)
			.anyMatch((version) -> version.origin() == Origin.FILE);
	}

	@Override
	public Optional<TenantConfig> configAt(TenantId tenant, int version) {
		String key = tenant.value() + "@" + version;
		TenantConfig cached = this.parsed.get(key);
		if (cached != null) {
			return Optional.of(cached);
		}
		Optional<TenantConfig> config = version(tenant, version).map((stored) -> this.loader
			.parse("tenants/" + tenant.value() + ".yaml", stored.yaml(), AssetSource.of(stored.assets()))
			.config());
		config.ifPresent((value) -> this.parsed.put(key, value));
		return config;
	}

	/** Hosts and identity providers must stay unique across the current tenants. */
	private List<ConfigProblem> againstOthers(LoadedTenant candidate) {
		List<LoadedTenant> all = new ArrayList<>();
		for (Tenant other : this.directory.all()) {
			if (!other.id().value().equals(candidate.config().slug())) {
				all.add(new LoadedTenant("tenants/" + other.id().value() + ".yaml", "", other.config(), Map.of()));
			}
		}
		all.add(candidate); // last, so a clash is reported on the candidate
		return this.loader.crossCheck(all)
			.stream()
			.filter((problem) -> problem.source().equals(candidate.source()))
			.toList();
	}

}
