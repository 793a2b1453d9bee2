package org.consilium.cases.internal;

import java.util.List;
import java.util.UUID;

import jakarta.persistence.EntityManager;
import org.consilium.cases.CaseDetails;
import org.consilium.cases.CaseNotFoundException;
import org.consilium.cases.Cases;
import org.consilium.identity.ConsiliumUser;
import org.consilium.support.IntegrationTest;
import org.consilium.support.TestDatabase;
import org.consilium.support.Users;
import org.consilium.tenant.NoTenantException;
import org.consilium.tenant.TenantContext;
import org.consilium.tenant.TenantId;
import org.consilium.tenantconfig.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A case of one tenant cannot be reached from another tenant: not by repository id, not
 * by JPQL, not through the service, not by URL, and not by native SQL where only
 * row-level security stands in the way. Every negative check has a positive control in
 * the owning tenant, so the test cannot pass by finding nothing anywhere.
 */
@IntegrationTest
class CaseIsolationIT {

	static final TenantId PUBLIC = TenantId.of("public");

	static final TenantId GLOBEX = TenantId.of("globex");

	static final ConsiliumUser PUBLIC_PATIENT = Users.user("public", "iso-patient", Role.PATIENT);

	static final ConsiliumUser PUBLIC_COORDINATOR = Users.user("public", "iso-coordinator", Role.CASE_COORDINATOR);

	static final ConsiliumUser GLOBEX_PATIENT = Users.user("globex", "iso-patient", Role.PATIENT);

	static final ConsiliumUser GLOBEX_COORDINATOR = Users.user("globex", "iso-coordinator", Role.CASE_COORDINATOR);

	@Autowired
	Cases cases;

	@Autowired
	MedicalCaseRepository repository;

	@Autowired
	EntityManager entityManager;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Autowired
	MockMvc mvc;

	CaseDetails publicCase;

	CaseDetails globexCase;

	@BeforeEach
	void openOneCaseInEachTenant() {
		this.publicCase = TenantContext.callAs(PUBLIC,
				() -> Users.as(PUBLIC_PATIENT, () -> this.cases.openDraft("cardiology", "Public question")));
		this.globexCase = TenantContext.callAs(GLOBEX,
				() -> Users.as(GLOBEX_PATIENT, () -> this.cases.openDraft("oncology", "Globex question")));
	}

	@Test
	void another_tenants_case_is_not_found_by_repository_id() {
		assertThat(inTransaction(GLOBEX, () -> this.repository.findById(this.globexCase.id().value()))).isPresent();
		assertThat(inTransaction(PUBLIC, () -> this.repository.findById(this.globexCase.id().value()))).isEmpty();
		assertThat(inTransaction(PUBLIC, () -> this.repository.findByReference(this.globexCase.reference().value())))
			.isEmpty();
	}

	@Test
	void another_tenants_case_is_not_found_by_jpql() {
		String jpql = "select c from MedicalCase c where c.id = :id";
		assertThat(inTransaction(GLOBEX,
				() -> this.entityManager.createQuery(jpql, MedicalCase.class)
					.setParameter("id", this.globexCase.id().value())
					.getResultList()))
			.hasSize(1);
		assertThat(inTransaction(PUBLIC,
				() -> this.entityManager.createQuery(jpql, MedicalCase.class)
					.setParameter("id", this.globexCase.id().value())
					.getResultList()))
			.isEmpty();
		List<String> tenantsSeenByPublic = inTransaction(PUBLIC,
				() -> this.entityManager.createQuery("select distinct c.reference from MedicalCase c", String.class)
					.getResultList());
		assertThat(tenantsSeenByPublic).contains(this.publicCase.reference().value())
			.doesNotContain(this.globexCase.reference().value());
	}

	@Test
	void another_tenants_case_is_invisible_to_native_sql_through_row_level_security_alone() {
		String sql = "select count(*) from medical_case where id = ?";
		// Native SQL gets no Hibernate tenant filter: only RLS decides.
		assertThat(inTransaction(GLOBEX, () -> this.jdbc.queryForObject(sql, Long.class, this.globexCase.id().value())))
			.isEqualTo(1);
		assertThat(inTransaction(PUBLIC, () -> this.jdbc.queryForObject(sql, Long.class, this.globexCase.id().value())))
			.isZero();
		assertThat(inTransaction(PUBLIC,
				() -> ((Number) this.entityManager
					.createNativeQuery("select count(*) from medical_case where tenant_id = 'globex'")
					.getSingleResult()).longValue()))
			.isZero();
		assertThat(inTransaction(PUBLIC, () -> this.jdbc.update("update medical_case set question = 'x' where id = ?",
				this.globexCase.id().value())))
			.as("rows of another tenant updated")
			.isZero();
		assertThat(inTransaction(PUBLIC,
				() -> this.jdbc.update("delete from medical_case where id = ?", this.globexCase.id().value())))
			.as("rows of another tenant deleted")
			.isZero();
		assertThat(
				inTransaction(GLOBEX, () -> this.jdbc.queryForObject("select question from medical_case where id = ?",
						String.class, this.globexCase.id().value())))
			.isEqualTo("Globex question");
	}

	@Test
	void a_row_for_another_tenant_cannot_be_written_even_by_native_sql() {
		assertThatThrownBy(() -> inTransaction(PUBLIC, () -> this.jdbc.update(
				"insert into medical_case (tenant_id, id, reference, status, specialty, question, patient_id, "
						+ "patient_name, created_at, updated_at, version) "
						+ "values ('globex', ?, 'C-ZZZZ-ZZZZ', 'DRAFT', 'oncology', 'q', 'p', 'n', now(), now(), 0)",
				UUID.randomUUID())))
			.rootCause()
			.hasMessageContaining("violates row-level security policy");
	}

	@Test
	void the_application_role_sees_nothing_without_a_tenant_even_on_a_raw_connection() throws Exception {
		try (var connection = TestDatabase.get().appConnection(); var statement = connection.createStatement()) {
			var result = statement.executeQuery("select count(*) from medical_case");
			result.next();
			assertThat(result.getLong(1)).isZero();
			statement.execute("select set_config('app.tenant_id', 'globex', false)");
			result = statement
				.executeQuery("select count(*) from medical_case where id = '" + this.globexCase.id() + "'");
			result.next();
			assertThat(result.getLong(1)).isEqualTo(1);
		}
	}

	@Test
	void work_without_a_tenant_fails_closed() {
		assertThatThrownBy(
				() -> new TransactionTemplate(this.transactionManager).execute((status) -> this.repository.findAll()))
			.isInstanceOf(NoTenantException.class);
		assertThat(this.jdbc.queryForObject("select count(*) from medical_case", Long.class))
			.as("autocommit query without tenant")
			.isZero();
	}

	@Test
	void another_tenants_case_is_not_found_through_the_service() {
		assertThat(TenantContext
			.callAs(GLOBEX, () -> Users.as(GLOBEX_COORDINATOR, () -> this.cases.get(this.globexCase.id())))
			.question()).isEqualTo("Globex question");
		assertThatThrownBy(() -> TenantContext.callAs(PUBLIC,
				() -> Users.as(PUBLIC_COORDINATOR, () -> this.cases.get(this.globexCase.id()))))
			.isInstanceOf(CaseNotFoundException.class);
		assertThatThrownBy(() -> TenantContext.callAs(PUBLIC,
				() -> Users.as(PUBLIC_COORDINATOR, () -> this.cases.get(this.globexCase.reference()))))
			.isInstanceOf(CaseNotFoundException.class);
		assertThat(TenantContext.callAs(PUBLIC, () -> Users.as(PUBLIC_COORDINATOR, () -> this.cases.list())))
			.extracting((c) -> c.id())
			.contains(this.publicCase.id())
			.doesNotContain(this.globexCase.id());
	}

	@Test
	void a_patient_sees_only_their_own_cases_within_the_tenant() {
		ConsiliumUser otherPatient = Users.user("public", "iso-other-patient", Role.PATIENT);
		assertThatThrownBy(() -> TenantContext.callAs(PUBLIC,
				() -> Users.as(otherPatient, () -> this.cases.get(this.publicCase.id()))))
			.isInstanceOf(CaseNotFoundException.class);
		assertThat(TenantContext.callAs(PUBLIC, () -> Users.as(otherPatient, () -> this.cases.list())))
			.extracting((c) -> c.id())
			.doesNotContain(this.publicCase.id());
	}

	@Test
	void another_tenants_case_is_404_by_rest_url() throws Exception {
		this.mvc.perform(get("/api/v1/cases/{id}", this.globexCase.id().value()).with((request) -> {
			request.setServerName("globex.localhost");
			return request;
		}).with(SecurityMockMvcRequestPostProcessors.authentication(Users.authentication(GLOBEX_COORDINATOR))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.question").value("Globex question"));
		this.mvc.perform(get("/api/v1/cases/{id}", this.globexCase.id().value()).with((request) -> {
			request.setServerName("public.localhost");
			return request;
		}).with(SecurityMockMvcRequestPostProcessors.authentication(Users.authentication(PUBLIC_COORDINATOR))))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.title").value("Case not found"))
			.andExpect(jsonPath("$.detail").value("No such case."));
	}

	private <T> T inTransaction(TenantId tenant, java.util.function.Supplier<T> work) {
		return TenantContext.callAs(tenant,
				() -> new TransactionTemplate(this.transactionManager).execute((status) -> work.get()));
	}

}
