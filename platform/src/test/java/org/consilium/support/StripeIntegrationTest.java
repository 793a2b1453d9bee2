package org.consilium.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestExecutionListeners;

/**
 * As {@link IntegrationTest}, with billing configured: the real Stripe SDK talks to the
 * run's Stripe-shaped server ({@link org.consilium.support.stripe.StripeServer}), and
 * webhooks are signed with its secret. The charge worker's scheduled run is slowed to an
 * hour so tests see what their own steps did (the kick after each commit still runs).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles({ "dev", "test" })
@ContextConfiguration(initializers = { TestServicesInitializer.class, StripeServicesInitializer.class })
@Import(TestClockConfiguration.class)
@TestExecutionListeners(listeners = SecurityStrategyListener.class,
		mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
public @interface StripeIntegrationTest {

}
