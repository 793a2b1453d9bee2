package org.consilium.support.stripe;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Request parameters in Stripe's form encoding, as the SDK sends them (in the body of a
 * POST, in the query of a GET): nested hashes as {@code metadata[case]=42}, lists as
 * {@code payment_method_types[0]=card} (or {@code []}), an empty value for "unset". One
 * level of the tree; the typed getters answer with Stripe's 400 errors, naming the
 * parameter the way Stripe does ({@code line_items[0][quantity]}).
 */
final class FormParams {

	private final String prefix;

	private final Map<String, Object> values;

	private FormParams(String prefix, Map<String, Object> values) {
		this.prefix = prefix;
		this.values = values;
	}

	static FormParams empty() {
		return new FormParams("", Map.of());
	}

	static FormParams parse(String encoded) {
		Map<String, Object> root = new LinkedHashMap<>();
		for (Map.Entry<String, String> pair : pairs(encoded)) {
			insert(root, path(pair.getKey()), pair.getValue(), pair.getKey());
		}
		return new FormParams("", root);
	}

	/** The decoded key/value pairs in their order. */
	static List<Map.Entry<String, String>> pairs(String encoded) {
		List<Map.Entry<String, String>> pairs = new ArrayList<>();
		if (encoded == null || encoded.isEmpty()) {
			return pairs;
		}
		for (String pair : encoded.split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int equals = pair.indexOf('=');
			String key = decode(equals < 0 ? pair : pair.substring(0, equals));
			String value = (equals < 0) ? "" : decode(pair.substring(equals + 1));
			pairs.add(Map.entry(key, value));
		}
		return pairs;
	}

	private static String decode(String text) {
		return URLDecoder.decode(text, StandardCharsets.UTF_8);
	}

	/** {@code a[b][0]} is the path {@code a, b, 0}. */
	private static List<String> path(String key) {
		int bracket = key.indexOf('[');
		if (bracket < 0) {
			return List.of(key);
		}
		List<String> path = new ArrayList<>();
		path.add(key.substring(0, bracket));
		int at = bracket;
		while (at < key.length()) {
			int close = key.indexOf(']', at);
			if (key.charAt(at) != '[' || close < 0) {
				throw ApiError.invalid(key, "Invalid parameter name: " + key);
			}
			path.add(key.substring(at + 1, close));
			at = close + 1;
		}
		return path;
	}

	@SuppressWarnings("unchecked")
	private static void insert(Map<String, Object> root, List<String> path, String value, String key) {
		Map<String, Object> node = root;
		for (int i = 0; i < path.size(); i++) {
			String segment = path.get(i).isEmpty() ? String.valueOf(node.size()) : path.get(i);
			if (i == path.size() - 1) {
				if (node.get(segment) instanceof Map) {
					throw ApiError.invalid(key, "Invalid value for " + key + ": expected a hash or a list");
				}
				node.put(segment, value);
				return;
			}
			Object child = node.computeIfAbsent(segment, (k) -> new LinkedHashMap<String, Object>());
			if (!(child instanceof Map)) {
				// "a=" (the SDK's empty list or null) followed by "a[0]=x": the later
				// wins.
				child = new LinkedHashMap<String, Object>();
				node.put(segment, child);
			}
			node = (Map<String, Object>) child;
		}
	}

	private String name(String key) {
		return this.prefix.isEmpty() ? key : this.prefix + "[" + key + "]";
	}

	boolean has(String key) {
		Object value = this.values.get(key);
		return value != null && !"".equals(value);
	}

	Set<String> keys() {
		return this.values.keySet();
	}

	/** Fails on the first parameter not in the list, as Stripe does for unknown ones. */
	FormParams allowOnly(String... keys) {
		List<String> allowed = Arrays.asList(keys);
		for (String key : this.values.keySet()) {
			if (!allowed.contains(key) && !"expand".equals(key)) {
				throw ApiError.unknownParameter(name(key));
			}
		}
		return this;
	}

	/** The value, or null when absent or empty (Stripe reads an empty string as null). */
	String string(String key) {
		Object value = this.values.get(key);
		if (value == null || "".equals(value)) {
			return null;
		}
		if (!(value instanceof String text)) {
			throw ApiError.invalid(name(key), "Invalid string: " + name(key) + " is a hash or a list");
		}
		return text;
	}

	String requireString(String key) {
		String value = string(key);
		if (value == null) {
			throw ApiError.missing(name(key));
		}
		return value;
	}

	/** One of the allowed values, or the default when absent. */
	String oneOf(String key, String defaultValue, String... allowed) {
		String value = string(key);
		if (value == null) {
			return defaultValue;
		}
		if (!Arrays.asList(allowed).contains(value)) {
			throw ApiError.invalid(name(key),
					"Invalid " + name(key) + ": must be one of " + String.join(", ", allowed));
		}
		return value;
	}

	Long integer(String key) {
		String value = string(key);
		if (value == null) {
			return null;
		}
		try {
			return Long.parseLong(value);
		}
		catch (NumberFormatException ex) {
			throw ApiError.invalidRequest(400, "parameter_invalid_integer", name(key), "Invalid integer: " + value);
		}
	}

	long requireInteger(String key) {
		Long value = integer(key);
		if (value == null) {
			throw ApiError.missing(name(key));
		}
		return value;
	}

	boolean bool(String key, boolean defaultValue) {
		String value = string(key);
		if (value == null) {
			return defaultValue;
		}
		if (!value.equals("true") && !value.equals("false")) {
			throw ApiError.invalid(name(key), "Invalid boolean: " + value);
		}
		return Boolean.parseBoolean(value);
	}

	/** The nested hash (empty when absent). */
	@SuppressWarnings("unchecked")
	FormParams hash(String key) {
		Object value = this.values.get(key);
		if (value == null || "".equals(value)) {
			return new FormParams(name(key), Map.of());
		}
		if (!(value instanceof Map)) {
			throw ApiError.invalid(name(key), "Invalid object: " + name(key) + " must be a hash");
		}
		return new FormParams(name(key), (Map<String, Object>) value);
	}

	/** A list of hashes, such as {@code line_items}. */
	List<FormParams> hashes(String key) {
		FormParams list = hash(key);
		List<FormParams> items = new ArrayList<>();
		for (String index : list.indexes()) {
			items.add(list.hash(index));
		}
		return items;
	}

	/** A list of strings, such as {@code expand} or {@code payment_method_types}. */
	List<String> strings(String key) {
		FormParams list = hash(key);
		List<String> items = new ArrayList<>();
		for (String index : list.indexes()) {
			items.add(list.requireString(index));
		}
		return items;
	}

	private List<String> indexes() {
		TreeMap<Integer, String> byIndex = new TreeMap<>();
		for (String key : this.values.keySet()) {
			try {
				byIndex.put(Integer.parseInt(key), key);
			}
			catch (NumberFormatException ex) {
				throw ApiError.invalid(name(key), "Invalid array: " + this.prefix + " must be a list");
			}
		}
		return new ArrayList<>(byIndex.values());
	}

	List<String> expand() {
		return strings("expand");
	}

	/**
	 * Metadata with Stripe's limits: 50 keys, keys up to 40 characters, values up to 500.
	 * An empty value unsets the key, so it is left out.
	 */
	Map<String, String> metadata(String key) {
		FormParams hash = hash(key);
		Map<String, String> metadata = new LinkedHashMap<>();
		for (String name : hash.values.keySet()) {
			String value = hash.string(name);
			if (name.length() > 40) {
				throw ApiError.invalid(hash.name(name),
						"Metadata keys can have up to 40 characters, but you passed in a key that is " + name.length()
								+ " characters. Invalid key: '" + name + "'");
			}
			if (value != null && value.length() > 500) {
				throw ApiError.invalid(hash.name(name),
						"Metadata values can have up to 500 characters, but you passed in a value that is "
								+ value.length() + " characters. Invalid value: '" + value + "'");
			}
			if (value != null) {
				metadata.put(name, value);
			}
		}
		if (metadata.size() > 50) {
			throw ApiError.invalid(name(key), "You can specify up to 50 keys in metadata.");
		}
		return Collections.unmodifiableMap(metadata);
	}

}
