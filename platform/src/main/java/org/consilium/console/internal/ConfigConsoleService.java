package org.consilium.console.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import org.consilium.console.ConfigConsole;
import org.consilium.console.ConfigDraft;
import org.consilium.identity.ConsiliumUser;
import org.consilium.identity.CurrentUser;
import org.consilium.tenant.TenantContext;
import org.consilium.tenant.TenantId;
import org.consilium.tenant.TenantVersions;
import org.consilium.tenant.TenantVersions.Change;
import org.consilium.tenant.TenantVersions.ConfigVersion;
import org.consilium.tenant.TenantVersions.Origin;
import org.consilium.tenant.TenantVersions.StoredVersion;
import org.consilium.tenant.TenantVersions.Validation;
import org.consilium.tenantconfig.TextDiff;
import org.consilium.tenantconfig.YamlEdit;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * The console over {@link TenantVersions}: the tenant is always the request's, and the
 * signed-in admin must belong to it (the session guard already refuses a session on
 * another tenant's host; this checks again where the data is). Audit entries are written
 * with each stored version (TENANT_CONFIG_CHANGED, in the same transaction).
 */
@Service
class ConfigConsoleService implements ConfigConsole {

	private final TenantVersions versions;

	ConfigConsoleService(TenantVersions versions) {
		this.versions = versions;
	}

	@Override
	public ConfigDraft draft() {
		StoredVersion current = this.versions.current(tenant());
		return new ConfigDraft(current.version(), YamlEdit.of(current.yaml()), current.assets(), Origin.CONSOLE.name());
	}

	@Override
	public Validation check(ConfigDraft draft) {
		return this.versions.validate(tenant(), draft.text(), draft.assets());
	}

	@Override
	public Change save(ConfigDraft draft, String note) {
		Origin origin = Origin.valueOf(draft.origin());
		return this.versions.save(tenant(), draft.baseVersion(), draft.text(), draft.assets(), origin, author(),
				blankToNull(note));
	}

	@Override
	public List<ConfigVersion> history() {
		return this.versions.history(tenant());
	}

	@Override
	public List<TextDiff.Line> changesIn(int version) {
		String after = stored(version).yaml();
		String before = (version > 1) ? this.versions.version(tenant(), version - 1).map(StoredVersion::yaml).orElse("")
				: "";
		return TextDiff.lines(YamlEdit.normalized(before), YamlEdit.normalized(after));
	}

	@Override
	public String yamlOf(int version) {
		return stored(version).yaml();
	}

	@Override
	public Change rollBackTo(int version, int expectedCurrent) {
		StoredVersion earlier = stored(version);
		return this.versions.save(tenant(), expectedCurrent, earlier.yaml(), earlier.assets(), Origin.ROLLBACK,
				author(), "v" + version);
	}

	@Override
	public Export export() {
		StoredVersion current = this.versions.current(tenant());
		return new Export(tenant().value() + ".yaml", current.yaml(), current.version());
	}

	@Override
	public ConfigDraft readImport(byte[] content) {
		if (content.length == 0) {
			throw new ImportRefusedException("console.import.empty");
		}
		if (content.length > MAX_IMPORT_BYTES) {
			throw new ImportRefusedException("console.import.too-large");
		}
		String text;
		try {
			text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(content))
				.toString();
		}
		catch (CharacterCodingException ex) {
			throw new ImportRefusedException("console.import.not-text");
		}
		if (text.indexOf('\0') >= 0) {
			throw new ImportRefusedException("console.import.not-text");
		}
		StoredVersion current = this.versions.current(tenant());
		String yamlText = text.startsWith("\uFEFF") ? text.substring(1) : text;
		YamlEdit yaml;
		try {
			yaml = YamlEdit.of(yamlText);
		}
		catch (IllegalArgumentException ex) {
			// Not YAML, or not a mapping: the loader's own message, with the line.
			Validation validation = this.versions.validate(tenant(), yamlText, current.assets());
			throw validation.valid() ? ex : new TenantVersions.InvalidConfigurationException(validation.problems());
		}
		return new ConfigDraft(current.version(), yaml, current.assets(), Origin.IMPORT.name());
	}

	private StoredVersion stored(int version) {
		return this.versions.version(tenant(), version)
			.orElseThrow(() -> new IllegalArgumentException("No version " + version));
	}

	private static TenantId tenant() {
		TenantId tenant = TenantContext.current();
		ConsiliumUser user = CurrentUser.require();
		if (!user.tenant().equals(Optional.of(tenant))) {
			throw new AccessDeniedException("A tenant admin changes only their own programme");
		}
		return tenant;
	}

	private static String author() {
		ConsiliumUser user = CurrentUser.require();
		return user.displayName() + " <" + user.username() + ">";
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

}
