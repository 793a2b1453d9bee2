package org.consilium;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The feature modules depend on each other only through their APIs, without cycles.
 */
class ModularityTest {

	static final ApplicationModules MODULES = ApplicationModules.of(ConsiliumApplication.class);

	@Test
	void modules_respect_their_boundaries() {
		MODULES.verify();
	}

	@Test
	void module_documentation_can_be_written() {
		new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("target/modulith-docs"))
			.writeModulesAsPlantUml()
			.writeIndividualModulesAsPlantUml();
	}

}
