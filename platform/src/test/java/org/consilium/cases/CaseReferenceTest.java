package org.consilium.cases;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CaseReferenceTest {

	@Test
	void references_are_readable_and_avoid_confusable_letters() {
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < 2000; i++) {
			String value = CaseReference.random().value();
			assertThat(value).matches("C-[0-9A-Z]{4}-[0-9A-Z]{4}").doesNotContain("I", "L", "O", "U");
			seen.add(value);
		}
		assertThat(seen).as("random, not sequential").hasSizeGreaterThan(1990);
	}

	@Test
	void what_a_person_types_is_read_forgivingly() {
		assertThat(CaseReference.parse(" c-7kq3-m9xd ")).contains(new CaseReference("C-7KQ3-M9XD"));
		assertThat(CaseReference.parse("C-7KQ3-M9XO")).contains(new CaseReference("C-7KQ3-M9X0"));
		assertThat(CaseReference.parse("C-7KQ3")).isEmpty();
		assertThat(CaseReference.parse("' or 1=1 --")).isEmpty();
		assertThatThrownBy(() -> new CaseReference("C-UUUU-0000")).isInstanceOf(IllegalArgumentException.class);
	}

}
