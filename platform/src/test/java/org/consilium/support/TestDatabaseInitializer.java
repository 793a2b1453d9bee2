package org.consilium.support;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points the application at the run's throwaway database, connecting as the application
 * role and migrating as the owner role, exactly as in production.
 */
public class TestDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		TestDatabase database = TestDatabase.get();
		TestPropertyValues
			.of("spring.datasource.url=" + database.url(), "consilium.db.bootstrap=false",
					"consilium.db.name=" + database.name())
			.applyTo(context.getEnvironment());
	}

}
