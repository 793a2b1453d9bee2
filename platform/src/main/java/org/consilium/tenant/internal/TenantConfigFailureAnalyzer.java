package org.consilium.tenant.internal;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns invalid tenant files at start-up into a readable report instead of a stack trace.
 */
class TenantConfigFailureAnalyzer extends AbstractFailureAnalyzer<InvalidTenantFilesException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidTenantFilesException cause) {
		return new FailureAnalysis("The tenant configuration is invalid:\n\n" + cause.getMessage(),
				"Fix the tenant files listed above (tenant-config/tenants or consilium.tenancy.tenants-directory) "
						+ "and start again.",
				cause);
	}

}
