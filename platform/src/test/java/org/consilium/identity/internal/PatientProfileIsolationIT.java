package org.consilium.identity.internal;

import java.time.LocalDate;
import java.util.function.Supplier;

import org.consilium.identity.ConsiliumUser;
import org.consilium.identity.Demographics;
import org.consilium.identity.Demographics.Sex;
import org.consilium.identity.PatientProfiles;
import org.consilium.support.IntegrationTest;
import org.consilium.support.Users;
import org.consilium.tenant.TenantContext;
import org.consilium.tenant.TenantId;
import org.consilium.tenantconfig.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A patient's demographics and an employer's census stay in their tenant: not found by
 * user id through the service or the repository from another tenant, and invisible to
 * native SQL there (row-level security alone). Each negative check has its positive
 * control in the owning tenant.
 */
@IntegrationTest
class PatientProfileIsolationIT {

	static final TenantId PUBLIC = TenantId.of("public");

	static final TenantId GLOBEX = TenantId.of("globex");

	static final ConsiliumUser PATIENT = Users.user("public", "profile-iso", Role.PATIENT);

	@Autowired
	PatientProfiles profiles;

	@Autowired
	PatientProfileRepository repository;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PlatformTransactionManager transactionManager;

	@BeforeEach
	void aPublicPatientGivesTheirDetails() {
		Demographics details = new Demographics("Iso Patient", LocalDate.of(1980, 2, 3), Sex.FEMALE, "1 Main St",
				"Springfield", "IL", "62701", "US", "+1 217 555 0100", "en", null);
		assertThat(TenantContext.callAs(PUBLIC, () -> Users.as(PATIENT, () -> this.profiles.saveOwn(details))))
			.isEmpty();
	}

	@Test
	void another_tenant_does_not_find_the_profile_by_user_id() {
		assertThat(TenantContext.callAs(PUBLIC, () -> this.profiles.find(PATIENT.id()))).isPresent();
		assertThat(TenantContext.callAs(GLOBEX, () -> this.profiles.find(PATIENT.id()))).isEmpty();
		assertThat(inTransaction(PUBLIC, () -> this.repository.findById(PATIENT.id()))).isPresent();
		assertThat(inTransaction(GLOBEX, () -> this.repository.findById(PATIENT.id()))).isEmpty();
		assertThat(inTransaction(GLOBEX, () -> this.repository.findAll()))
			.noneMatch((profile) -> profile.demographics().legalName().equals("Iso Patient"));
	}

	@Test
	void native_sql_in_another_tenant_neither_reads_nor_changes_the_profile() {
		String count = "select count(*) from patient_profile where user_id = ?";
		assertThat(inTransaction(PUBLIC, () -> this.jdbc.queryForObject(count, Long.class, PATIENT.id()))).isEqualTo(1);
		assertThat(inTransaction(GLOBEX, () -> this.jdbc.queryForObject(count, Long.class, PATIENT.id()))).isZero();
		assertThat(inTransaction(GLOBEX, () -> this.jdbc
			.update("update patient_profile set legal_name = 'Changed' where user_id = ?", PATIENT.id()))).isZero();
		// The application role may not delete profiles at all, in any tenant.
		assertThatThrownBy(() -> inTransaction(GLOBEX,
				() -> this.jdbc.update("delete from patient_profile where user_id = ?", PATIENT.id())))
			.rootCause()
			.hasMessageContaining("permission denied");
		assertThat(inTransaction(PUBLIC, () -> this.jdbc
			.queryForObject("select legal_name from patient_profile where user_id = ?", String.class, PATIENT.id())))
			.isEqualTo("Iso Patient");
	}

	@Test
	void an_employers_census_is_invisible_to_other_tenants() {
		String count = "select count(*) from census_entry";
		assertThat(inTransaction(GLOBEX, () -> this.jdbc.queryForObject(count, Long.class))).isPositive();
		assertThat(inTransaction(PUBLIC, () -> this.jdbc.queryForObject(count, Long.class))).isZero();
		assertThat(inTransaction(PUBLIC, () -> this.jdbc
			.queryForObject("select count(*) from census_entry where tenant_id = 'globex'", Long.class))).isZero();
	}

	private <T> T inTransaction(TenantId tenant, Supplier<T> work) {
		return TenantContext.callAs(tenant,
				() -> new TransactionTemplate(this.transactionManager).execute((status) -> work.get()));
	}

}
