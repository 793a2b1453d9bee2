package org.consilium.physician.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import org.consilium.cases.CaseDetails;
import org.consilium.cases.CaseMaterials.DeclaredMaterial;
import org.consilium.cases.CaseMaterials.MaterialChannel;
import org.consilium.cases.CaseMaterials.MaterialKind;
import org.consilium.cases.CaseNotFoundException;
import org.consilium.cases.Cases;
import org.consilium.identity.ConsiliumUser;
import org.consilium.support.IntegrationTest;
import org.consilium.support.TestDatabase;
import org.consilium.support.TestMail;
import org.consilium.support.Users;
import org.consilium.tenant.TenantContext;
import org.consilium.tenant.TenantId;
import org.consilium.tenant.Tenants;
import org.consilium.tenantconfig.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.consilium.physician.internal.DoctorFixtures.PASSWORD;
import static org.consilium.physician.internal.DoctorFixtures.newAddress;
import static org.consilium.physician.internal.DoctorFixtures.onSite;
import static org.consilium.physician.internal.DoctorFixtures.submittedCase;
import static org.consilium.physician.internal.DoctorFixtures.token;

/**
 * Invitations, doctors' profiles and their reports stay in their programme: another
 * tenant reaches none of them by id, by service or by native SQL (row-level security
 * alone); and a link used by two people at once is used once.
 */
@IntegrationTest
class DoctorIsolationIT {

	static final ConsiliumUser PATIENT = Users.user("public", "dr-iso-patient", Role.PATIENT);

	static final ConsiliumUser GLOBEX_DOCTOR = Users.user("globex", "dr-iso-doctor", Role.REFERRING_PHYSICIAN);

	@Autowired
	Cases cases;

	@Autowired
	Tenants tenants;

	@Autowired
	InvitationService invitations;

	@Autowired
	DoctorReportService reports;

	@Autowired
	InvitationRepository invitationRepository;

	@Autowired
	PhysicianProfileRepository profileRepository;

	@Autowired
	PhysicianReportRepository reportRepository;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PlatformTransactionManager transactionManager;

	CaseDetails medicalCase;

	ConsiliumUser doctor;

	String reference;

	@BeforeEach
	void aPublicCaseWithItsDoctorAndTheirReport() {
		this.medicalCase = submittedCase(this.cases, this.tenants, "public", PATIENT);
		this.reference = this.medicalCase.reference().value();
		String token = invite();
		this.doctor = onSite("public", null, () -> this.invitations.register(token, "Iso Doctor", PASSWORD,
				new PhysicianDetails("LIC-1", "Cardiology", "Iso Clinic", "+1 617 555 0100", "+1 617 555 0101")))
			.user();
		assertThat(onSite("public", this.doctor,
				() -> this.reports.complete(this.reference, "History", "Diagnosis", List.of("Why?"),
						List.of(new DeclaredMaterial("CT", MaterialKind.RADIOLOGY, MaterialChannel.UPLOAD)))))
			.isEmpty();
	}

	@Test
	void another_tenant_finds_nothing_by_id_or_by_service() {
		UUID invitationId = inTransaction("public",
				() -> this.invitationRepository.findByCaseIdOrderByCreatedAtDesc(this.medicalCase.id().value())
					.get(0)
					.id());
		assertThat(inTransaction("public", () -> this.invitationRepository.findById(invitationId))).isPresent();
		assertThat(inTransaction("globex", () -> this.invitationRepository.findById(invitationId))).isEmpty();
		assertThat(inTransaction("globex", () -> this.profileRepository.findById(this.doctor.id()))).isEmpty();
		assertThat(inTransaction("globex", () -> this.reportRepository.findById(this.medicalCase.id().value())))
			.isEmpty();
		assertThat(inTransaction("public", () -> this.reportRepository.findById(this.medicalCase.id().value())))
			.isPresent();
		assertThat(inTransaction("globex", () -> this.invitationRepository
			.findFirstByCaseReferenceAndAcceptedBy(this.reference, this.doctor.id()))).isEmpty();
		assertThat(onSite("globex", GLOBEX_DOCTOR, () -> this.reports.report(this.reference))).isEmpty();
		ConsiliumUser globexPatient = Users.user("globex", "dr-iso-patient", Role.PATIENT);
		assertThat(onSite("globex", globexPatient, () -> this.invitations.status(this.reference))).isEmpty();
		assertThatThrownBy(() -> onSite("globex", globexPatient,
				() -> this.invitations.invite(this.reference, "Dr. X", newAddress(), "Clinic", Locale.ENGLISH)))
			.isInstanceOf(CaseNotFoundException.class);
		assertThatThrownBy(
				() -> onSite("globex", GLOBEX_DOCTOR, () -> this.reports.save(this.reference, "h", "d", List.of())))
			.isInstanceOf(CaseNotFoundException.class);
		// The same doctor's id used as another doctor of the same tenant: not their case.
		ConsiliumUser otherDoctor = Users.user("public", "dr-iso-other", Role.REFERRING_PHYSICIAN);
		assertThat(onSite("public", otherDoctor, () -> this.reports.report(this.reference))).isEmpty();
	}

	@Test
	void native_sql_as_the_application_role_sees_only_its_tenants_rows() {
		for (String table : List.of("physician_invitation", "physician_report")) {
			String sql = "select count(*) from " + table + " where case_id = ?";
			assertThat(inTransaction("public",
					() -> this.jdbc.queryForObject(sql, Long.class, this.medicalCase.id().value())))
				.as(table)
				.isEqualTo(1);
			assertThat(inTransaction("globex",
					() -> this.jdbc.queryForObject(sql, Long.class, this.medicalCase.id().value())))
				.as(table)
				.isZero();
			assertThat(inTransaction("globex",
					() -> this.jdbc.update("update " + table + " set tenant_id = tenant_id where case_id = ?",
							this.medicalCase.id().value())))
				.isZero();
		}
		assertThat(inTransaction("globex", () -> this.jdbc
			.queryForObject("select count(*) from physician_profile where user_id = ?", Long.class, this.doctor.id())))
			.isZero();
		assertThat(inTransaction("public", () -> this.jdbc
			.queryForObject("select count(*) from physician_profile where user_id = ?", Long.class, this.doctor.id())))
			.isOne();
		assertThatThrownBy(() -> inTransaction("globex", () -> this.jdbc
			.update("insert into physician_profile (tenant_id, user_id, licence_number, specialty, practice, phone, "
					+ "updated_at) values ('public', 'x', 'l', 's', 'p', '123456', now())")))
			.rootCause()
			.hasMessageContaining("row-level security");
		assertThat(TestDatabase.get()
			.adminJdbc()
			.queryForObject("select token_hash from physician_invitation where case_id = ?", String.class,
					this.medicalCase.id().value()))
			.as("only a hash of the token is stored")
			.hasSize(64);
	}

	@Test
	void two_doctors_using_one_link_at_the_same_moment_one_wins() throws Exception {
		CaseDetails other = submittedCase(this.cases, this.tenants, "public", PATIENT);
		String email = newAddress();
		onSite("public", PATIENT,
				() -> this.invitations.invite(other.reference().value(), "Dr. Race", email, "Clinic", Locale.ENGLISH));
		String token = token(TestMail.get().awaitLink(email, "/invitation/"));
		ExecutorService pool = Executors.newFixedThreadPool(4);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<InvitationState>> results = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			ConsiliumUser racer = Users.user("public", "dr-race-" + i, Role.REFERRING_PHYSICIAN);
			results.add(pool.submit(() -> {
				start.await();
				return onSite("public", racer, () -> this.invitations.accept(token)).state();
			}));
		}
		start.countDown();
		List<InvitationState> states = new ArrayList<>();
		for (Future<InvitationState> result : results) {
			try {
				states.add(result.get());
			}
			catch (java.util.concurrent.ExecutionException ex) {
				// The loser may also fail on the case's optimistic lock: still not
				// joined.
				states.add(InvitationState.USED);
			}
		}
		pool.shutdown();
		assertThat(states).containsOnlyOnce(InvitationState.VALID);
		assertThat(TestDatabase.get()
			.adminJdbc()
			.queryForObject("select count(*) from physician_invitation where case_id = ? and accepted_at is not null",
					Long.class, other.id().value()))
			.isOne();
	}

	private String invite() {
		String email = newAddress();
		onSite("public", PATIENT,
				() -> this.invitations.invite(this.reference, "Dr. Iso", email, "Iso Clinic", Locale.ENGLISH));
		return token(TestMail.get().awaitLink(email, "/invitation/"));
	}

	private <T> T inTransaction(String tenant, Supplier<T> work) {
		return TenantContext.callAs(TenantId.of(tenant),
				() -> new TransactionTemplate(this.transactionManager).execute((status) -> work.get()));
	}

}
