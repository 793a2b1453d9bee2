package org.consilium.support;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * Puts shared test state back before each test: the clock to its start, and Spring
 * Security's holder. Vaadin installs its security context holder strategy (a bean) into
 * Spring Security's static holder. Several cached application contexts in one test JVM
 * would each install their own; this puts back the one of the context the next test runs
 * against.
 */
public class SecurityStrategyListener extends AbstractTestExecutionListener {

	@Override
	public void beforeTestMethod(TestContext testContext) {
		testContext.getApplicationContext()
			.getBeanProvider(SecurityContextHolderStrategy.class)
			.ifAvailable(SecurityContextHolder::setContextHolderStrategy);
		SecurityContextHolder.clearContext();
		testContext.getApplicationContext().getBeanProvider(MutableClock.class).ifAvailable(MutableClock::reset);
	}

	@Override
	public void afterTestMethod(TestContext testContext) {
		SecurityContextHolder.clearContext();
	}

}
