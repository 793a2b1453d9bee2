package org.consilium.tenant.internal;

import java.util.List;

/**
 * Start-up stops with this when the tenant files cannot be loaded; the message lists
 * every problem.
 */
class InvalidTenantFilesException extends RuntimeException {

	InvalidTenantFilesException(List<String> problems) {
		super(String.join("\n", problems));
	}

	@Override
	public synchronized Throwable fillInStackTrace() {
		return this;
	}

}
