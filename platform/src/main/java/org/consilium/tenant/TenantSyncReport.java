package org.consilium.tenant;

import java.util.List;

/**
 * What a load of tenant files did. When {@code problems} is not empty nothing was
 * applied.
 */
public record TenantSyncReport(List<String> created, List<String> updated, List<String> unchanged,
		List<String> problems) {

	public boolean applied() {
		return this.problems.isEmpty();
	}

}
