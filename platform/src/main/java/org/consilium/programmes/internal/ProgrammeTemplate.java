package org.consilium.programmes.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.consilium.programmes.NewProgramme;

import org.springframework.stereotype.Component;

/**
 * A new programme as a tenant file: {@code new-programme.yaml} with the admin's entries
 * filled in as quoted YAML strings (so no entry can add keys or structure), and a neutral
 * logo. The tenant-config loader then validates it as it would any file.
 */
@Component
class ProgrammeTemplate {

	static final String LOGO = "assets/logo.svg";

	private final String yaml = resourceText("new-programme.yaml");

	private final byte[] logo = bytes("logo.svg");

	String render(NewProgramme programme) {
		return this.yaml.replace("{{slug}}", quote(programme.slug()))
			.replace("{{displayName}}", quote(programme.displayName()))
			.replace("{{hosts}}", list(programme.hosts()))
			.replace("{{locales}}", list(programme.locales()))
			.replace("{{adminEmail}}", quote(programme.adminEmail()));
	}

	Map<String, byte[]> assets() {
		return Map.of(LOGO, this.logo.clone());
	}

	/** A YAML double-quoted scalar: backslash, quote and control characters escaped. */
	static String quote(String value) {
		String text = (value != null) ? value.strip() : "";
		StringBuilder quoted = new StringBuilder("\"");
		for (char c : text.toCharArray()) {
			if (c == '"' || c == '\\') {
				quoted.append('\\').append(c);
			}
			else if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
				quoted.append(String.format("\\u%04x", (int) c));
			}
			else {
				quoted.append(c);
			}
		}
		return quoted.append('"').toString();
	}

	private static String list(List<String> values) {
		return values.stream().map(ProgrammeTemplate::quote).collect(Collectors.joining(", ", "[", "]"));
	}

	private static String resourceText(String name) {
		return new String(bytes(name), StandardCharsets.UTF_8);
	}

	private static byte[] bytes(String name) {
		try (InputStream in = ProgrammeTemplate.class.getResourceAsStream("/org/consilium/programmes/" + name)) {
			if (in == null) {
				throw new IllegalStateException("Missing template resource " + name);
			}
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
