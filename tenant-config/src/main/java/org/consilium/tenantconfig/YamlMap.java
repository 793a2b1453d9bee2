package org.consilium.tenantconfig;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A YAML mapping read key by key. Every getter records a problem (with path and line)
 * instead of throwing, and {@link #finish()} reports the keys nobody asked for, so a
 * misspelt key never passes silently.
 */
final class YamlMap {

	private final Node node;

	private final String path;

	private final Problems problems;

	private final Map<String, Node> entries = new LinkedHashMap<>();

	private final Map<String, Node> keyNodes = new LinkedHashMap<>();

	private final Set<String> known;

	private YamlMap(Node node, String path, Problems problems, Set<String> known) {
		this.node = node;
		this.path = path;
		this.problems = problems;
		this.known = known;
	}

	/**
	 * Reads a mapping node, or records a problem and returns empty if the node is not
	 * one.
	 */
	static Optional<YamlMap> of(Node node, String path, Problems problems, String... knownKeys) {
		if (!(node instanceof MappingNode mapping)) {
			problems.add(path, "must be a mapping of keys to values", node);
			return Optional.empty();
		}
		YamlMap map = new YamlMap(node, path, problems, new LinkedHashSet<>(Arrays.asList(knownKeys)));
		for (NodeTuple tuple : mapping.getValue()) {
			if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
				problems.add(path, "keys must be plain names", tuple.getKeyNode());
				continue;
			}
			if (map.entries.containsKey(key.getValue())) {
				problems.add(Problems.child(path, key.getValue()), "duplicate key", key);
				continue;
			}
			map.entries.put(key.getValue(), tuple.getValueNode());
			map.keyNodes.put(key.getValue(), key);
		}
		return Optional.of(map);
	}

	/** A mapping whose keys are data (e.g. specialty codes), not field names. */
	static Optional<YamlMap> open(Node node, String path, Problems problems) {
		return of(node, path, problems).map((map) -> {
			map.known.addAll(map.entries.keySet());
			return map;
		});
	}

	String path() {
		return this.path;
	}

	Node node() {
		return this.node;
	}

	Set<String> keys() {
		return this.entries.keySet();
	}

	boolean has(String key) {
		return this.entries.containsKey(key) && !isNull(this.entries.get(key));
	}

	String pathOf(String key) {
		return Problems.child(this.path, key);
	}

	Node nodeOf(String key) {
		return this.entries.getOrDefault(key, this.node);
	}

	void problem(String key, String reason) {
		this.problems.add(pathOf(key), reason, nodeOf(key));
	}

	Optional<Node> optional(String key) {
		Node value = this.entries.get(key);
		return (value == null || isNull(value)) ? Optional.empty() : Optional.of(value);
	}

	Optional<Node> required(String key) {
		Optional<Node> value = optional(key);
		if (value.isEmpty()) {
			this.problems.add(pathOf(key), "is required", this.entries.getOrDefault(key, this.node));
		}
		return value;
	}

	Optional<String> requiredString(String key) {
		return required(key).flatMap((value) -> text(value, pathOf(key)));
	}

	Optional<String> optionalString(String key) {
		return optional(key).flatMap((value) -> text(value, pathOf(key)));
	}

	boolean bool(String key, boolean defaultValue) {
		Optional<Node> value = optional(key);
		if (value.isEmpty()) {
			return defaultValue;
		}
		if (value.get() instanceof ScalarNode scalar && Tag.BOOL.equals(scalar.getTag())
				&& Set.of("true", "false").contains(scalar.getValue())) {
			return Boolean.parseBoolean(scalar.getValue());
		}
		this.problems.add(pathOf(key), "must be true or false", value.get());
		return defaultValue;
	}

	Optional<Integer> requiredInt(String key, int min, int max) {
		return required(key).flatMap((value) -> {
			if (!(value instanceof ScalarNode scalar) || !Tag.INT.equals(scalar.getTag())) {
				this.problems.add(pathOf(key), "must be a whole number", value);
				return Optional.empty();
			}
			long number;
			try {
				number = Long.parseLong(scalar.getValue().replace("_", ""));
			}
			catch (NumberFormatException ex) {
				number = Long.MAX_VALUE;
			}
			if (number < min || number > max) {
				this.problems.add(pathOf(key), "must be between " + min + " and " + max, value);
				return Optional.empty();
			}
			return Optional.of((int) number);
		});
	}

	<E extends Enum<E>> Optional<E> requiredEnum(String key, Class<E> type) {
		return required(key).flatMap((value) -> enumValue(value, pathOf(key), type));
	}

	<E extends Enum<E>> Optional<E> optionalEnum(String key, Class<E> type) {
		return optional(key).flatMap((value) -> enumValue(value, pathOf(key), type));
	}

	Optional<YamlMap> requiredMap(String key, String... knownKeys) {
		return required(key).flatMap((value) -> of(value, pathOf(key), this.problems, knownKeys));
	}

	Optional<YamlMap> optionalMap(String key, String... knownKeys) {
		return optional(key).flatMap((value) -> of(value, pathOf(key), this.problems, knownKeys));
	}

	/**
	 * Reads a list, mapping each element with its path; elements that fail are left out
	 * (and their problems recorded).
	 */
	<T> Optional<List<T>> list(String key, boolean required, BiFunction<Node, String, Optional<T>> element) {
		Optional<Node> value = required ? required(key) : optional(key);
		if (value.isEmpty()) {
			return required ? Optional.empty() : Optional.of(List.of());
		}
		if (!(value.get() instanceof SequenceNode sequence)) {
			this.problems.add(pathOf(key), "must be a list", value.get());
			return Optional.empty();
		}
		List<T> result = new ArrayList<>();
		List<Node> items = sequence.getValue();
		for (int i = 0; i < items.size(); i++) {
			element.apply(items.get(i), Problems.index(pathOf(key), i)).ifPresent(result::add);
		}
		return Optional.of(result);
	}

	Optional<List<String>> stringList(String key, boolean required) {
		return list(key, required, this::text);
	}

	Optional<String> text(Node value, String path) {
		if (value instanceof ScalarNode scalar && !isNull(scalar)) {
			String text = scalar.getValue().strip();
			if (text.isEmpty()) {
				this.problems.add(path, "must not be blank", value);
				return Optional.empty();
			}
			return Optional.of(text);
		}
		this.problems.add(path, "must be a single value, not a " + kind(value), value);
		return Optional.empty();
	}

	<E extends Enum<E>> Optional<E> enumValue(Node value, String path, Class<E> type) {
		Optional<String> text = text(value, path);
		if (text.isEmpty()) {
			return Optional.empty();
		}
		String normalized = text.get().trim().replace('-', '_').toUpperCase(Locale.ROOT);
		for (E constant : type.getEnumConstants()) {
			if (constant.name().equals(normalized)) {
				return Optional.of(constant);
			}
		}
		String allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
		this.problems.add(path, "must be one of " + allowed + " (was '" + text.get() + "')", value);
		return Optional.empty();
	}

	/** Reports every key that no getter declared; call after reading the mapping. */
	void finish() {
		for (String key : this.entries.keySet()) {
			if (!this.known.contains(key)) {
				String reason = "unknown key" + suggestion(key).map((s) -> " (did you mean '" + s + "'?)").orElse("");
				this.problems.add(pathOf(key), reason, this.keyNodes.get(key));
			}
		}
	}

	private Optional<String> suggestion(String key) {
		return this.known.stream()
			.filter((candidate) -> distance(candidate.toLowerCase(Locale.ROOT), key.toLowerCase(Locale.ROOT)) <= 2)
			.min(Comparator.comparingInt((candidate) -> distance(candidate, key)));
	}

	private static int distance(String a, String b) {
		int[] previous = new int[b.length() + 1];
		int[] current = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			current[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				int cost = (a.charAt(i - 1) == b.charAt(j - 1)) ? 0 : 1;
				current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return previous[b.length()];
	}

	static boolean isNull(Node node) {
		return node instanceof ScalarNode scalar && Tag.NULL.equals(scalar.getTag());
	}

	private static String kind(Node node) {
		if (node instanceof MappingNode) {
			return "mapping";
		}
		if (node instanceof SequenceNode) {
			return "list";
		}
		return "null";
	}

}
