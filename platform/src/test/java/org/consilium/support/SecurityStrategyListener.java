package org.consilium.support;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * Vaadin installs its security context holder strategy (a bean) into Spring Security's
 * static holder. Several cached application contexts in one test JVM would each install
 * their own; this puts back the one of the context the next test runs against.
 */
public class SecurityStrategyListener extends AbstractTestExecutionListener {

	@Override
	public void beforeTestMethod(TestContext testContext) {
		testContext.getApplicationContext()
			.getBeanProvider(SecurityContextHolderStrategy.class)
			.ifAvailable(SecurityContextHolder::setContextHolderStrategy);
		SecurityContextHolder.clearContext();
	}

	@Override
	public void afterTestMethod(TestContext testContext) {
		SecurityContextHolder.clearContext();
	}

}
