package org.consilium.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestExecutionListeners;

/**
 * The whole application served on a random port, set up as for {@link IntegrationTest}
 * (the run's PostgreSQL database, demo users and cases, the settable clock), for tests
 * that drive it with a real {@link Browser}: each {@code Browser} parameter of a test
 * method is a fresh headless Chromium. Sites are reached by host, e.g.
 * {@code http://acme.localhost:<port>/}; Chromium resolves {@code *.localhost} to
 * loopback.
 * <p>
 * Two settings differ from a developer's run: Vaadin scans only its own and our packages
 * for annotations (the test classpath's Selenium, Testcontainers and Karibu jars made the
 * whole-classpath scan take ~17 s of a ~38 s start; nothing there carries Vaadin
 * annotations), and the development-mode tools are off, so their pop-up neither covers
 * what a test clicks nor appears in screenshots.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "dev", "test" })
@ContextConfiguration(initializers = TestServicesInitializer.class)
@Import(TestClockConfiguration.class)
@TestExecutionListeners(listeners = SecurityStrategyListener.class,
		mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
@ExtendWith(BrowserExtension.class)
public @interface BrowserTest {

}
