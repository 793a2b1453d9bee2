package org.consilium.physician.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PhysicianDetailsTest {

	@Test
	void doctors_details_are_checked_per_field() {
		assertThat(new PhysicianDetails(" ", "", "", "12", "fax!").clean().problems()).containsOnlyKeys("licence",
				"specialty", "practice", "phone", "fax");
		assertThat(new PhysicianDetails("L-1", "Cardiology", "Clinic", "+1 (617) 555-0100", " ").clean().problems())
			.isEmpty();
	}

}
