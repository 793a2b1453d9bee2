package org.consilium.identity;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordPolicyTest {

	@Test
	void a_long_unusual_passphrase_passes() {
		assertThat(PasswordPolicy.problems("violet tram at 7 crosses", "ann@example.com", "Ann Lee")).isEmpty();
	}

	@Test
	void short_passwords_are_refused_first() {
		assertThat(PasswordPolicy.problems("Xq9!short", "a@b.c", "A")).containsExactly("password.too-short");
		assertThat(PasswordPolicy.problems(null, "a@b.c", "A")).containsExactly("password.too-short");
	}

	@Test
	void common_passwords_and_common_words_with_digits_are_refused() {
		assertThat(PasswordPolicy.problems("password1234", "a@b.c", "A")).contains("password.common");
		assertThat(PasswordPolicy.problems("Welcome2026!!", "a@b.c", "A")).contains("password.common");
		assertThat(PasswordPolicy.problems("qwertyuiop12", "a@b.c", "A")).contains("password.common");
		assertThat(PasswordPolicy.problems("Contraseña2026", "a@b.c", "A")).contains("password.common");
	}

	@Test
	void passwords_built_from_the_users_name_or_address_are_refused() {
		assertThat(PasswordPolicy.problems("annabelle-rocks-77", "annabelle@example.com", "Ann"))
			.contains("password.personal");
		assertThat(PasswordPolicy.problems("hernandez forever 1", "x@example.com", "Lucía Hernández Hernandez"))
			.contains("password.personal");
	}

	@Test
	void repeated_or_sequential_characters_are_refused() {
		assertThat(PasswordPolicy.problems("aaaaaaaaaaaaaa", "a@b.c", "A")).contains("password.too-simple");
		assertThat(PasswordPolicy.problems("abcdefghijklmn", "a@b.c", "A")).contains("password.too-simple");
		assertThat(PasswordPolicy.problems("98765432109876", "a@b.c", "A")).contains("password.too-simple");
	}

	@Test
	void very_long_passwords_are_refused() {
		assertThat(PasswordPolicy.problems("x".repeat(129), "a@b.c", "A")).containsExactly("password.too-long");
	}

}
