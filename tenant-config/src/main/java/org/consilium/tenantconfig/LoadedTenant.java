package org.consilium.tenantconfig;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * A validated tenant file together with its source text and the assets it refers to, so
 * the platform can store exactly what was validated.
 *
 * @param source the file's name, e.g. {@code tenants/acme.yaml}
 * @param assets asset bytes by the relative path written in the file
 */
public record LoadedTenant(String source, String yaml, TenantConfig config, Map<String, byte[]> assets) {

	public LoadedTenant {
		assets = Map.copyOf(assets);
	}

	/**
	 * SHA-256 over the YAML text and every asset, so a changed logo counts as a changed
	 * configuration too.
	 */
	public String fingerprint() {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			digest.update(this.yaml.getBytes(StandardCharsets.UTF_8));
			for (Map.Entry<String, byte[]> asset : new TreeMap<>(this.assets).entrySet()) {
				digest.update((byte) 0);
				digest.update(asset.getKey().getBytes(StandardCharsets.UTF_8));
				digest.update((byte) 0);
				digest.update(asset.getValue());
			}
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
