package org.consilium.billing.internal;

import java.util.Objects;

import org.consilium.cases.CaseId;
import org.consilium.tenant.TenantContext;
import org.consilium.tenant.TenantVersions;
import org.consilium.tenant.Tenants;
import org.consilium.tenantconfig.Billing;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The billing terms a case was submitted under: the policy of the configuration version
 * stamped on the case at submission, so a price change in the admin console never
 * reprices a case already agreed. A case not yet submitted (no version) is quoted at the
 * current terms. (docs/decisions/023-console-configuration-versions.md)
 */
@Component
class CaseTerms {

	private final JdbcTemplate jdbc;

	private final Tenants tenants;

	private final TenantVersions versions;

	CaseTerms(JdbcTemplate jdbc, Tenants tenants, TenantVersions versions) {
		this.jdbc = jdbc;
		this.tenants = tenants;
		this.versions = versions;
	}

	/** Must run in the case's tenant (row-level security finds the case). */
	Billing of(CaseId caseId) {
		return this.jdbc
			.queryForList("select config_version from medical_case where id = ?", Integer.class, caseId.value())
			.stream()
			.filter(Objects::nonNull)
			.findFirst()
			.flatMap((stamped) -> this.versions.configAt(TenantContext.current(), stamped))
			.orElseGet(() -> this.tenants.current().config())
			.billing();
	}

}
