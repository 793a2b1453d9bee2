package org.consilium.tenantconfig;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Loads and validates tenant files. Every problem in every file is reported together, as
 * {@code tenants/acme.yaml: workflow.turnaroundDays: must be between 1 and 60}; nothing
 * is returned unless all files are valid and consistent with each other.
 */
public final class TenantConfigLoader {

	/** Largest tenant file accepted. */
	public static final int MAX_FILE_BYTES = 256 * 1024;

	/**
	 * Parses and validates one tenant file.
	 * @param source the file's name as shown in messages, e.g. {@code tenants/acme.yaml}
	 * @throws TenantConfigException listing every problem
	 */
	public LoadedTenant parse(String source, String yaml, AssetSource assets) {
		Problems problems = new Problems(source);
		Optional<LoadedTenant> loaded = parse(problems, yaml, assets);
		if (problems.count() > 0) {
			throw new TenantConfigException(problems.all());
		}
		return loaded.orElseThrow();
	}

	/**
	 * Loads every {@code *.yaml} file in a directory; asset paths are relative to it.
	 * @throws TenantConfigException listing every problem in every file
	 */
	public List<LoadedTenant> loadDirectory(Path directory) {
		if (!Files.isDirectory(directory)) {
			throw new TenantConfigException(
					List.of(new ConfigProblem(directory.toString(), "", "is not a directory of tenant files", 0)));
		}
		String prefix = Optional.ofNullable(directory.toAbsolutePath().normalize().getFileName())
			.map((name) -> name + "/")
			.orElse("");
		AssetSource assets = AssetSource.directory(directory);
		List<LoadedTenant> tenants = new ArrayList<>();
		List<ConfigProblem> problems = new ArrayList<>();
		for (Path file : yamlFiles(directory)) {
			String source = prefix + file.getFileName();
			Problems fileProblems = new Problems(source);
			readFile(file, fileProblems).flatMap((yaml) -> parse(fileProblems, yaml, assets)).ifPresent(tenants::add);
			problems.addAll(fileProblems.all());
		}
		if (tenants.isEmpty() && problems.isEmpty()) {
			problems.add(new ConfigProblem(prefix.isEmpty() ? directory.toString() : prefix.replace("/", ""), "",
					"contains no tenant files (*.yaml)", 0));
		}
		problems.addAll(crossCheck(tenants));
		if (!problems.isEmpty()) {
			throw new TenantConfigException(problems);
		}
		return List.copyOf(tenants);
	}

	/**
	 * Checks tenants against each other: slugs, hosts and IdP entity ids belong to one
	 * tenant only.
	 */
	public List<ConfigProblem> crossCheck(List<LoadedTenant> tenants) {
		List<ConfigProblem> problems = new ArrayList<>();
		Map<String, LoadedTenant> slugs = new HashMap<>();
		Map<String, LoadedTenant> hosts = new HashMap<>();
		Map<String, LoadedTenant> entityIds = new HashMap<>();
		for (LoadedTenant tenant : tenants) {
			TenantConfig config = tenant.config();
			LoadedTenant clash = slugs.putIfAbsent(config.slug(), tenant);
			if (clash != null) {
				problems.add(new ConfigProblem(tenant.source(), "slug",
						"'" + config.slug() + "' is already the slug of " + clash.source(), 0));
			}
			for (int i = 0; i < config.hosts().size(); i++) {
				LoadedTenant owner = hosts.putIfAbsent(config.hosts().get(i), tenant);
				if (owner != null && owner != tenant) {
					problems.add(new ConfigProblem(tenant.source(), "hosts[" + i + "]",
							"'" + config.hosts().get(i) + "' is already a host of " + owner.source(), 0));
				}
			}
			List<SamlProvider> providers = config.identity().samlProviders();
			for (int i = 0; i < providers.size(); i++) {
				LoadedTenant owner = entityIds.putIfAbsent(providers.get(i).entityId(), tenant);
				if (owner != null && owner != tenant) {
					problems.add(new ConfigProblem(tenant.source(), "identity.saml[" + i + "].entityId",
							"'" + providers.get(i).entityId() + "' is already an identity provider of " + owner.source()
									+ "; each identity provider belongs to one tenant",
							0));
				}
			}
		}
		return problems;
	}

	private Optional<LoadedTenant> parse(Problems problems, String yaml, AssetSource assets) {
		if (yaml.length() > MAX_FILE_BYTES) {
			problems.add("", "is larger than " + MAX_FILE_BYTES / 1024 + " KiB", null);
			return Optional.empty();
		}
		Optional<Node> root = compose(problems, yaml);
		if (root.isEmpty()) {
			return Optional.empty();
		}
		TenantConfigReader reader = new TenantConfigReader(problems, assets);
		Optional<TenantConfig> config = reader.read(root.get());
		config.ifPresent((tenant) -> checkFileName(problems, tenant));
		if (problems.count() > 0) {
			return Optional.empty();
		}
		return config.map((tenant) -> new LoadedTenant(problems.source(), yaml, tenant, reader.usedAssets()));
	}

	private void checkFileName(Problems problems, TenantConfig config) {
		String source = problems.source();
		String file = source.substring(source.lastIndexOf('/') + 1);
		String base = file.replaceFirst("\\.ya?ml$", "");
		if (file.endsWith(".yaml") || file.endsWith(".yml")) {
			if (!base.equals(config.slug())) {
				problems.add("slug", "'" + config.slug() + "' does not match the file name; name the file "
						+ config.slug() + ".yaml", null);
			}
		}
	}

	/**
	 * Composes the YAML into a node tree only: no objects are constructed from tags,
	 * aliases are limited (no "billion laughs"), and at most one document is allowed.
	 */
	private Optional<Node> compose(Problems problems, String yaml) {
		LoaderOptions options = new LoaderOptions();
		options.setAllowDuplicateKeys(true); // reported with a path by YamlMap instead
		options.setMaxAliasesForCollections(20);
		options.setNestingDepthLimit(30);
		options.setCodePointLimit(MAX_FILE_BYTES);
		options.setAllowRecursiveKeys(false);
		try {
			List<Node> documents = new ArrayList<>();
			new Yaml(options).composeAll(new StringReader(yaml)).forEach(documents::add);
			if (documents.isEmpty()) {
				problems.add("", "is empty", null);
				return Optional.empty();
			}
			if (documents.size() > 1) {
				problems.add("", "must contain one YAML document, found " + documents.size(), documents.get(1));
				return Optional.empty();
			}
			return Optional.of(documents.get(0));
		}
		catch (MarkedYAMLException ex) {
			int line = (ex.getProblemMark() != null) ? ex.getProblemMark().getLine() + 1 : 0;
			String reason = "is not valid YAML: "
					+ Optional.ofNullable(ex.getProblem()).orElse("syntax error").toLowerCase(Locale.ROOT);
			problems.add("", reason + ((line > 0) ? " at line " + line : ""), null);
			return Optional.empty();
		}
		catch (YAMLException ex) {
			problems.add("", "is not valid YAML: " + ex.getMessage(), null);
			return Optional.empty();
		}
	}

	private Optional<String> readFile(Path file, Problems problems) {
		try {
			if (Files.size(file) > MAX_FILE_BYTES) {
				problems.add("", "is larger than " + MAX_FILE_BYTES / 1024 + " KiB", null);
				return Optional.empty();
			}
			byte[] bytes = Files.readAllBytes(file);
			return Optional.of(StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(java.nio.ByteBuffer.wrap(bytes))
				.toString());
		}
		catch (CharacterCodingException ex) {
			problems.add("", "is not UTF-8 text", null);
			return Optional.empty();
		}
		catch (IOException ex) {
			problems.add("", "cannot be read: " + ex.getMessage(), null);
			return Optional.empty();
		}
	}

	private static List<Path> yamlFiles(Path directory) {
		try (Stream<Path> files = Files.list(directory)) {
			return files.filter(Files::isRegularFile)
				.filter((file) -> file.getFileName().toString().matches(".*\\.ya?ml"))
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
