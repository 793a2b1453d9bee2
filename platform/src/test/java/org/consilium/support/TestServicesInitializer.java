package org.consilium.support;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points the application at the run's real services: the throwaway PostgreSQL database
 * (connecting as the application role, migrating as the owner role, exactly as in
 * production) and a real SMTP server (GreenMail) that tests read the e-mails from.
 */
public class TestServicesInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		TestDatabase database = TestDatabase.get();
		TestMail mail = TestMail.get();
		TestPropertyValues.of("spring.datasource.url=" + database.url(), "consilium.db.bootstrap=false",
				"consilium.db.name=" + database.name(), "spring.mail.host=127.0.0.1", "spring.mail.port=" + mail.port())
			.applyTo(context.getEnvironment());
	}

}
