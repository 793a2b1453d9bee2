package org.consilium.identity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a password must be: at least 12 characters (at most 128), not a common password
 * nor a common word with digits around it, not built from the user's e-mail or name, not
 * one repeated or sequential run. Answers message keys, shown next to the field.
 */
public final class PasswordPolicy {

	public static final int MIN_LENGTH = 12;

	public static final int MAX_LENGTH = 128;

	private static final Set<String> COMMON = load();

	private PasswordPolicy() {
	}

	public static List<String> problems(String password, String email, String name) {
		List<String> problems = new ArrayList<>();
		String value = (password != null) ? password : "";
		if (value.length() < MIN_LENGTH) {
			problems.add("password.too-short");
			return problems;
		}
		if (value.length() > MAX_LENGTH) {
			problems.add("password.too-long");
			return problems;
		}
		String lower = value.toLowerCase(Locale.ROOT);
		String letters = lower.replaceAll("[^\\p{L}]", "");
		if (COMMON.contains(lower) || (COMMON.contains(letters) && lower.length() - letters.length() <= 8)
				|| COMMON.contains(lower.replaceAll("[^\\p{L}\\p{N}]", ""))) {
			problems.add("password.common");
		}
		String local = (email != null && email.contains("@")) ? email.substring(0, email.indexOf('@')) : "";
		if (contains(lower, local) || (name != null && nameParts(name).stream().anyMatch((p) -> contains(lower, p)))) {
			problems.add("password.personal");
		}
		if (value.chars().distinct().count() < 5 || isSequence(lower)) {
			problems.add("password.too-simple");
		}
		return problems;
	}

	private static boolean contains(String password, String part) {
		return part.length() >= 4 && password.contains(part.toLowerCase(Locale.ROOT));
	}

	private static List<String> nameParts(String name) {
		return List.of(name.toLowerCase(Locale.ROOT).split("[^\\p{L}]+"));
	}

	private static boolean isSequence(String text) {
		int ascending = 0;
		int descending = 0;
		for (int i = 1; i < text.length(); i++) {
			int step = text.charAt(i) - text.charAt(i - 1);
			ascending = (step == 1) ? ascending + 1 : 0;
			descending = (step == -1) ? descending + 1 : 0;
			if (ascending >= 7 || descending >= 7) {
				return true;
			}
		}
		return false;
	}

	private static Set<String> load() {
		Set<String> words = new HashSet<>();
		try (InputStream in = PasswordPolicy.class.getResourceAsStream("common-passwords.txt")) {
			if (in == null) {
				throw new IllegalStateException("common-passwords.txt is missing");
			}
			BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			String line;
			while ((line = reader.readLine()) != null) {
				String word = line.trim().toLowerCase(Locale.ROOT);
				if (!word.isEmpty() && !word.startsWith("#")) {
					words.add(word);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return Set.copyOf(words);
	}

}
