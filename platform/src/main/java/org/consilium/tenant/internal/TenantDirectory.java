package org.consilium.tenant.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.consilium.tenant.Site;
import org.consilium.tenant.TenancyProperties;
import org.consilium.tenant.Tenant;
import org.consilium.tenant.TenantAsset;
import org.consilium.tenant.TenantId;
import org.consilium.tenant.Tenants;
import org.consilium.tenantconfig.AssetSource;
import org.consilium.tenantconfig.AssetTypes;
import org.consilium.tenantconfig.LoadedTenant;
import org.consilium.tenantconfig.TenantConfigException;
import org.consilium.tenantconfig.TenantConfigLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The catalog in memory, rebuilt from the database (never from files directly), so every
 * node serves the same configuration versions. Lookups are exact; the snapshot is
 * replaced atomically.
 */
@Component
class TenantDirectory implements Tenants {

	private static final Logger log = LoggerFactory.getLogger(TenantDirectory.class);

	private final TenantStore store;

	private final TenancyProperties properties;

	private final TenantConfigLoader loader = new TenantConfigLoader();

	private volatile Snapshot snapshot = new Snapshot(Map.of(), Map.of(), Map.of(), "", List.of());

	TenantDirectory(TenantStore store, TenancyProperties properties) {
		this.store = store;
		this.properties = properties;
	}

	@Override
	public Site siteFor(String host) {
		String name = normalize(host);
		Tenant tenant = this.snapshot.byHost().get(name);
		if (tenant != null) {
			return new Site.TenantSite(tenant);
		}
		if (this.properties.operatorHosts().stream().anyMatch(name::equalsIgnoreCase)) {
			return new Site.OperatorSite();
		}
		if (this.properties.bareHosts().stream().anyMatch(name::equalsIgnoreCase)) {
			return new Site.BareSite();
		}
		return new Site.UnknownSite(name);
	}

	@Override
	public Optional<Tenant> find(TenantId id) {
		return Optional.ofNullable(this.snapshot.byId().get(id));
	}

	@Override
	public List<Tenant> all() {
		return this.snapshot.byId()
			.values()
			.stream()
			.sorted(Comparator.comparing((Tenant tenant) -> tenant.id().value()))
			.toList();
	}

	@Override
	public Optional<TenantAsset> asset(TenantId tenant, String path) {
		return Optional.ofNullable(this.snapshot.assets().get(tenant)).map((assets) -> assets.get(path));
	}

	/** Picks up changes other nodes made; cheap when nothing changed. */
	void refreshIfChanged() {
		if (!this.store.stamp().equals(this.snapshot.stamp())) {
			refresh();
		}
	}

	synchronized void refresh() {
		String stamp = this.store.stamp();
		Map<String, Tenant> byHost = new HashMap<>();
		Map<TenantId, Tenant> byId = new HashMap<>();
		Map<TenantId, Map<String, TenantAsset>> assets = new HashMap<>();
		List<LoadedTenant> parsed = new ArrayList<>();
		Map<String, LoadedTenant> previous = new HashMap<>();
		this.snapshot.loaded().forEach((loaded) -> previous.put(loaded.config().slug(), loaded));
		for (StoredTenant stored : this.store.loadCurrent()) {
			try {
				LoadedTenant loaded = parse(stored, previous);
				parsed.add(loaded);
				TenantId id = TenantId.of(stored.tenantId());
				Tenant tenant = new Tenant(id, loaded.config(), stored.version(), stored.status(),
						stored.signedOutAt());
				byId.put(id, tenant);
				loaded.config().hosts().forEach((host) -> byHost.put(host, tenant));
				Map<String, TenantAsset> tenantAssets = new HashMap<>();
				stored.assets()
					.forEach((path, bytes) -> tenantAssets.put(path, new TenantAsset(path,
							AssetTypes.imageType(bytes).orElse("application/xml"), TenantStore.sha256(bytes), bytes)));
				assets.put(id, Map.copyOf(tenantAssets));
			}
			catch (TenantConfigException ex) {
				// Fail closed for this tenant only: its hosts answer "no programme" until
				// fixed.
				log.error("Stored configuration v{} of tenant '{}' is invalid and is not served:\n{}", stored.version(),
						stored.tenantId(), ex.getMessage());
			}
		}
		if (!this.loader.crossCheck(parsed).isEmpty()) {
			log.error("Stored tenant configurations conflict: {}", this.loader.crossCheck(parsed));
		}
		this.snapshot = new Snapshot(Map.copyOf(byHost), Map.copyOf(byId), Map.copyOf(assets), stamp,
				List.copyOf(parsed));
	}

	/**
	 * Every served tenant as the loader returned it (source name, YAML and config), for
	 * checks that must read exactly as the loader's own.
	 */
	List<LoadedTenant> loaded() {
		return this.snapshot.loaded();
	}

	/**
	 * Parses a stored version, or reuses the last parse of the very same one: a status
	 * change or another tenant's new version then costs no parsing (the catalog is
	 * re-read whole on every change, so with many tenants parsing would dominate).
	 */
	private LoadedTenant parse(StoredTenant stored, Map<String, LoadedTenant> previous) {
		LoadedTenant last = previous.get(stored.tenantId());
		if (last != null && last.source().equals(stored.sourceName())
				&& last.fingerprint().equals(stored.fingerprint())) {
			return last;
		}
		return this.loader.parse(stored.sourceName(), stored.sourceYaml(), AssetSource.of(stored.assets()));
	}

	static String normalize(String host) {
		String name = (host != null) ? host.trim().toLowerCase(Locale.ROOT) : "";
		return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
	}

	private record Snapshot(Map<String, Tenant> byHost, Map<TenantId, Tenant> byId,
			Map<TenantId, Map<String, TenantAsset>> assets, String stamp, List<LoadedTenant> loaded) {
	}

}
