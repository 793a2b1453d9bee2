package org.consilium.bench;

import org.consilium.tenant.TenantContext;
import org.consilium.tenant.TenantId;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Proves, through the platform's own transaction manager, that the two full-stack
 * variants really differ as claimed: which role the transaction runs as, and how many
 * tenants' cases it can see (one under row-level security, all without).
 */
final class BoundaryCheck {

	record Seen(String role, int tenants) {
	}

	private final TransactionTemplate transactions;

	private final JdbcTemplate jdbc;

	BoundaryCheck(RunningPlatform platform) {
		this.transactions = new TransactionTemplate(platform.bean(PlatformTransactionManager.class));
		this.jdbc = platform.bean(JdbcTemplate.class);
	}

	/**
	 * One sentence for the report.
	 * @throws IllegalStateException if the roles do not differ as the variants claim
	 */
	String verify(TenantId tenant) {
		Seen app = as(RoleRoutingDataSource.Role.APP, tenant);
		Seen bypass = as(RoleRoutingDataSource.Role.BYPASS, tenant);
		if (app.tenants() != 1 || bypass.tenants() <= 1 || app.role().equals(bypass.role())) {
			throw new IllegalStateException("The variants do not differ as claimed: " + app + " / " + bypass);
		}
		return String.format(
				"Checked through the platform's transaction manager with app.tenant_id = %s: (a) runs as "
						+ "%s and sees cases of %d tenant; (b) runs as %s and sees cases of %d tenants.",
				tenant, app.role(), app.tenants(), bypass.role(), bypass.tenants());
	}

	private Seen as(RoleRoutingDataSource.Role role, TenantId tenant) {
		return RoleRoutingDataSource.callAs(role, () -> TenantContext.callAs(tenant, () -> this.transactions
			.execute((status) -> new Seen(this.jdbc.queryForObject("select current_user", String.class),
					this.jdbc.queryForObject("select count(distinct tenant_id) from medical_case", Integer.class)))));
	}

}
