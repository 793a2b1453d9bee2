package org.consilium.console;

import java.util.HashMap;
import java.util.Map;

import org.consilium.tenantconfig.YamlEdit;

/**
 * A configuration being changed: the YAML of the version it started from, edited in
 * place, plus the files (logo, favicon, IdP metadata) it may refer to. Nothing is stored
 * until {@link ConfigConsole#save}.
 */
public final class ConfigDraft {

	private final int baseVersion;

	private final YamlEdit yaml;

	private final Map<String, byte[]> assets;

	private final String origin;

	public ConfigDraft(int baseVersion, YamlEdit yaml, Map<String, byte[]> assets, String origin) {
		this.baseVersion = baseVersion;
		this.yaml = yaml;
		this.assets = new HashMap<>(assets);
		this.origin = origin;
	}

	/** The version this draft was taken from. */
	public int baseVersion() {
		return this.baseVersion;
	}

	public YamlEdit yaml() {
		return this.yaml;
	}

	/** The draft's text as it would be stored. */
	public String text() {
		return this.yaml.text();
	}

	public Map<String, byte[]> assets() {
		return Map.copyOf(this.assets);
	}

	/**
	 * Adds a file the configuration can refer to by path, e.g. a new logo at
	 * {@code assets/acme-logo-2.png}; a file no setting refers to is not stored.
	 */
	public ConfigDraft putAsset(String path, byte[] content) {
		this.assets.put(path, content.clone());
		return this;
	}

	/** {@code CONSOLE} for a form edit, {@code IMPORT} for an uploaded file. */
	public String origin() {
		return this.origin;
	}

}
