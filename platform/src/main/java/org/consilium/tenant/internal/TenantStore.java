package org.consilium.tenant.internal;

import java.security.MessageDigest;
import java.sql.Timestamp;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.consilium.tenant.Tenant;
import org.consilium.tenant.TenantVersions.ConfigVersion;
import org.consilium.tenant.TenantVersions.Origin;
import org.consilium.tenant.TenantVersions.StoredVersion;
import org.consilium.tenantconfig.AssetTypes;
import org.consilium.tenantconfig.LoadedTenant;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The tenant catalog tables, by plain JDBC: they are read before any tenant is known, so
 * they stay outside Hibernate's tenant-aware sessions.
 */
@Component
class TenantStore {

	private final JdbcTemplate jdbc;

	TenantStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** A cheap value that changes whenever any tenant's catalog row changes. */
	String stamp() {
		return this.jdbc.queryForObject(
				"select count(*) || ':' || coalesce(max(current_version), 0) || ':' || coalesce(max(updated_at)::text, '') "
						+ "from tenant",
				String.class);
	}

	List<StoredTenant> loadCurrent() {
		Map<String, Map<String, byte[]>> assets = new HashMap<>();
		this.jdbc.query("select a.tenant_id, a.path, a.content from tenant_asset a "
				+ "join tenant t on t.tenant_id = a.tenant_id and t.current_version = a.version", (row) -> {
					assets.computeIfAbsent(row.getString(1), (key) -> new HashMap<>())
						.put(row.getString(2), row.getBytes(3));
				});
		List<StoredTenant> tenants = new ArrayList<>();
		this.jdbc.query("select t.tenant_id, t.status, t.current_version, v.fingerprint, v.source_name, v.source_yaml, "
				+ "t.signed_out_at "
				+ "from tenant t join tenant_config_version v on v.tenant_id = t.tenant_id and v.version = t.current_version "
				+ "order by t.tenant_id", (row) -> {
					String id = row.getString(1);
					tenants.add(new StoredTenant(id, Tenant.Status.valueOf(row.getString(2)), row.getInt(3),
							row.getString(4), row.getString(5), row.getString(6), assets.getOrDefault(id, Map.of()),
							Optional.ofNullable(row.getTimestamp(7)).map(Timestamp::toInstant).orElse(null)));
				});
		return tenants;
	}

	Optional<StoredTenant> findCurrent(String tenantId) {
		return loadCurrent().stream().filter((tenant) -> tenant.tenantId().equals(tenantId)).findFirst();
	}

	Optional<Integer> lockCurrentVersion(String tenantId) {
		return this.jdbc
			.query("select current_version from tenant where tenant_id = ? for update", (row, n) -> row.getInt(1),
					tenantId)
			.stream()
			.findFirst();
	}

	Optional<String> fingerprintOf(String tenantId, int version) {
		return this.jdbc
			.query("select fingerprint from tenant_config_version where tenant_id = ? and version = ?",
					(row, n) -> row.getString(1), tenantId, version)
			.stream()
			.findFirst();
	}

	/** The fingerprint of the newest version that came from the tenant files. */
	Optional<String> lastFileFingerprint(String tenantId) {
		return this.jdbc
			.query("select fingerprint from tenant_config_version where tenant_id = ? and origin = 'FILE' "
					+ "order by version desc limit 1", (row, n) -> row.getString(1), tenantId)
			.stream()
			.findFirst();
	}

	List<ConfigVersion> history(String tenantId) {
		return this.jdbc.query(
				"select v.version, v.created_at, v.created_by, v.origin, v.note, v.version = t.current_version "
						+ "from tenant_config_version v join tenant t on t.tenant_id = v.tenant_id "
						+ "where v.tenant_id = ? order by v.version desc",
				(row, n) -> new ConfigVersion(row.getInt(1), row.getTimestamp(2).toInstant(), row.getString(3),
						Origin.valueOf(row.getString(4)), row.getString(5), row.getBoolean(6)),
				tenantId);
	}

	Optional<StoredVersion> version(String tenantId, int version) {
		Map<String, byte[]> assets = new HashMap<>();
		this.jdbc.query("select path, content from tenant_asset where tenant_id = ? and version = ?", (row) -> {
			assets.put(row.getString(1), row.getBytes(2));
		}, tenantId, version);
		return this.jdbc
			.query("select v.version, v.created_at, v.created_by, v.origin, v.note, v.version = t.current_version, "
					+ "v.source_yaml from tenant_config_version v join tenant t on t.tenant_id = v.tenant_id "
					+ "where v.tenant_id = ? and v.version = ?",
					(row, n) -> new StoredVersion(
							new ConfigVersion(row.getInt(1), row.getTimestamp(2).toInstant(), row.getString(3),
									Origin.valueOf(row.getString(4)), row.getString(5), row.getBoolean(6)),
							row.getString(7), assets),
					tenantId, version)
			.stream()
			.findFirst();
	}

	void create(LoadedTenant tenant, Origin origin, String createdBy, String note) {
		String id = tenant.config().slug();
		this.jdbc.update("insert into tenant (tenant_id, display_name, current_version) values (?, ?, 1)", id,
				tenant.config().displayName());
		insertVersion(id, 1, tenant, origin, createdBy, note);
	}

	Optional<Tenant.Status> lockStatus(String tenantId) {
		return this.jdbc
			.query("select status from tenant where tenant_id = ? for update",
					(row, n) -> Tenant.Status.valueOf(row.getString(1)), tenantId)
			.stream()
			.findFirst();
	}

	/**
	 * Changes the status; a suspension also voids every session and token made until now
	 * (by the database's clock, which all nodes share). {@code updated_at} moves, so
	 * every node's {@link #stamp()} sees the change.
	 */
	void changeStatus(String tenantId, Tenant.Status status) {
		this.jdbc.update("update tenant set status = ?, updated_at = clock_timestamp(), "
				+ "signed_out_at = case when ? then clock_timestamp() else signed_out_at end where tenant_id = ?",
				status.name(), status == Tenant.Status.SUSPENDED, tenantId);
	}

	void addVersion(LoadedTenant tenant, int version, Origin origin, String createdBy, String note) {
		String id = tenant.config().slug();
		insertVersion(id, version, tenant, origin, createdBy, note);
		this.jdbc.update(
				"update tenant set current_version = ?, display_name = ?, updated_at = now() where tenant_id = ?",
				version, tenant.config().displayName(), id);
	}

	private void insertVersion(String id, int version, LoadedTenant tenant, Origin origin, String createdBy,
			String note) {
		this.jdbc.update(
				"insert into tenant_config_version (tenant_id, version, fingerprint, source_name, source_yaml, created_by, origin, note) "
						+ "values (?, ?, ?, ?, ?, ?, ?, ?)",
				id, version, tenant.fingerprint(), tenant.source(), tenant.yaml(), createdBy, origin.name(), note);
		for (Map.Entry<String, byte[]> asset : tenant.assets().entrySet()) {
			byte[] content = asset.getValue();
			String mediaType = AssetTypes.imageType(content).orElse("application/xml");
			this.jdbc.update(
					"insert into tenant_asset (tenant_id, version, path, media_type, sha256, content) values (?, ?, ?, ?, ?, ?)",
					id, version, asset.getKey(), mediaType, sha256(content), content);
		}
	}

	static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
