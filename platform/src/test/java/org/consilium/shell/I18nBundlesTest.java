package org.consilium.shell;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.consilium.tenantconfig.Specialties;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every user-facing text exists in English and Spanish: the bundles have the same keys,
 * none is blank, every key the code asks for exists, and every specialty of the catalog
 * has a name.
 */
class I18nBundlesTest {

	static final Path SOURCES = Path.of("src/main/java");

	@Test
	void english_and_spanish_have_the_same_keys() {
		Properties english = load("i18n/messages.properties");
		Properties spanish = load("i18n/messages_es.properties");
		assertThat(new TreeSet<>(spanish.stringPropertyNames())).as("keys of messages_es.properties")
			.isEqualTo(new TreeSet<>(english.stringPropertyNames()));
	}

	@Test
	void no_translation_is_blank() {
		for (String bundle : List.of("i18n/messages.properties", "i18n/messages_es.properties")) {
			Properties messages = load(bundle);
			assertThat(messages.stringPropertyNames()).as(bundle)
				.allSatisfy((key) -> assertThat(messages.getProperty(key)).as(key).isNotBlank());
		}
	}

	@Test
	void every_literal_key_the_code_uses_exists() throws IOException {
		Set<String> keys = load("i18n/messages.properties").stringPropertyNames();
		Pattern literal = Pattern.compile("(?:getTranslation|text|getMessage)\\(\\s*\"([a-z][a-z0-9.-]+)\"");
		List<String> missing = new ArrayList<>();
		try (Stream<Path> files = Files.walk(SOURCES)) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".java")).toList()) {
				Matcher matcher = literal.matcher(Files.readString(file));
				while (matcher.find()) {
					String key = matcher.group(1);
					boolean prefix = key.endsWith(".");
					if (prefix ? keys.stream().noneMatch((k) -> k.startsWith(key)) : !keys.contains(key)) {
						missing.add(file.getFileName() + ": " + matcher.group(1));
					}
				}
			}
		}
		assertThat(missing).isEmpty();
	}

	@Test
	void every_specialty_and_how_it_works_step_has_a_name() {
		Set<String> keys = load("i18n/messages.properties").stringPropertyNames();
		assertThat(Specialties.CATALOG).allSatisfy((code) -> assertThat(keys).contains("specialty." + code));
		for (org.consilium.tenantconfig.Role role : org.consilium.tenantconfig.Role.values()) {
			assertThat(keys).contains("role." + role.name());
		}
		for (String step : List.of("account-local", "account-sso", "account-either", "eligibility-census",
				"eligibility-sso", "request", "doctor-required", "doctor-optional", "records", "records-with-retrieval",
				"triage", "review-staff", "review-second-reader", "delivery-doctor-first", "delivery-together",
				"delivery-patient")) {
			assertThat(keys).contains("howitworks." + step + ".title", "howitworks." + step + ".text");
		}
	}

	@Test
	void messages_with_arguments_contain_no_plain_apostrophe() {
		// MessageFormat treats ' as a quote: "programme's {0}" would lose text. Use ’
		// instead.
		for (String bundle : List.of("i18n/messages.properties", "i18n/messages_es.properties")) {
			Properties messages = load(bundle);
			assertThat(messages.stringPropertyNames()).as(bundle)
				.allSatisfy((key) -> assertThat(messages.getProperty(key)).as(key).doesNotContain("'"));
		}
	}

	static Properties load(String resource) {
		Properties properties = new Properties();
		try (InputStream in = I18nBundlesTest.class.getClassLoader().getResourceAsStream(resource)) {
			assertThat(in).as(resource).isNotNull();
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return properties;
	}

}
