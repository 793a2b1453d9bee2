package org.consilium.retrieval.internal;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import jakarta.mail.internet.MimeMessage;
import org.consilium.audit.AuditLog;
import org.consilium.audit.AuditRecord;
import org.consilium.cases.CaseDetails;
import org.consilium.cases.CaseNotFoundException;
import org.consilium.cases.Cases;
import org.consilium.identity.ConsiliumUser;
import org.consilium.identity.PatientProfiles;
import org.consilium.retrieval.RetrievalNotOfferedException;
import org.consilium.retrieval.RetrievalProblems;
import org.consilium.retrieval.RetrievalRequest;
import org.consilium.retrieval.RetrievalRequests;
import org.consilium.retrieval.RetrievalStatus;
import org.consilium.support.IntegrationTest;
import org.consilium.support.KaribuSite;
import org.consilium.support.MutableClock;
import org.consilium.support.TestMail;
import org.consilium.support.Users;
import org.consilium.tenant.TenantContext;
import org.consilium.tenant.TenantId;
import org.consilium.tenantconfig.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.util.UriComponentsBuilder;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.consilium.retrieval.RetrievalFixtures.PARTNER;
import static org.consilium.retrieval.RetrievalFixtures.authorisation;
import static org.consilium.retrieval.RetrievalFixtures.onSite;
import static org.consilium.retrieval.RetrievalFixtures.submittedCase;

/**
 * The patient authorises, the partner is e-mailed a link (and nothing clinical), the link
 * shows the letter while valid and only on the programme's own site, staff move the
 * request on and the patient sees it; another tenant reaches none of it.
 */
@IntegrationTest
class RetrievalRequestsIT {

	static final TenantId PUBLIC = TenantId.of("public");

	static final TenantId ACME = TenantId.of("acme");

	static final TenantId GLOBEX = TenantId.of("globex");

	static final ConsiliumUser PATIENT = Users.user("public", "retrieval-patient", Role.PATIENT);

	static final ConsiliumUser COORDINATOR = Users.user("public", "retrieval-coordinator", Role.CASE_COORDINATOR);

	static final ConsiliumUser STRANGER = Users.user("public", "retrieval-stranger", Role.PATIENT);

	static final ConsiliumUser ACME_COORDINATOR = Users.user("acme", "retrieval-coordinator", Role.CASE_COORDINATOR);

	static final ConsiliumUser GLOBEX_PATIENT = Users.user("globex", "retrieval-patient", Role.PATIENT);

	@Autowired
	ApplicationContext context;

	@Autowired
	Cases cases;

	@Autowired
	PatientProfiles profiles;

	@Autowired
	RetrievalRequests retrieval;

	@Autowired
	AuditLog audit;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PlatformTransactionManager transactionManager;

	CaseDetails medicalCase;

	@BeforeEach
	void aSubmittedCase() {
		this.medicalCase = submittedCase(PUBLIC, PATIENT, this.cases, this.profiles);
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void the_partner_is_emailed_a_link_without_clinical_content_and_the_link_shows_the_letter() {
		RetrievalRequest request = onSite(PUBLIC, PATIENT,
				() -> this.retrieval.authorise(this.medicalCase.id(), authorisation("Retrieval Patient")));
		assertThat(request.status()).isEqualTo(RetrievalStatus.REQUESTED);

		assertThat(outboxToPartner()).isPositive();
		MimeMessage mail = mailFor(request);
		String body = TestMail.content(mail);
		String link = TestMail.link(mail, "/retrieval-letter?token=");
		assertThat(link).startsWith("http://public.localhost:8080/retrieval-letter?token=");
		assertThat(body).doesNotContain("St. Elsewhere", "Holter", "Retrieval Patient", "1968",
				this.medicalCase.reference().value(), "pacemaker", "Dizzy");
		String token = UriComponentsBuilder.fromUriString(link).build().getQueryParams().getFirst("token");
		assertThat(inTransaction(PUBLIC,
				() -> this.jdbc.queryForObject("select letter_token_hash from retrieval_request where id = ?",
						String.class, request.id())))
			.isEqualTo(LetterLinks.hash(token))
			.doesNotContain(token);

		try (KaribuSite site = KaribuSite.open(this.context, PUBLIC, Locale.ENGLISH)) {
			openLetter(token);
			assertThat(_find(Div.class, (spec) -> spec.withId("letter-refused"))).isEmpty();
			assertThat(_get(Paragraph.class, (spec) -> spec.withId("letter-patient")).getText())
				.contains("retrieval-patient Legal", "February 14, 1968", this.medicalCase.reference().value());
			assertThat(_get(UnorderedList.class, (spec) -> spec.withId("letter-facilities")).getElement()
				.getTextRecursively()).contains("St. Elsewhere Hospital", "+1 617 555 0199");
			assertThat(_get(UnorderedList.class, (spec) -> spec.withId("letter-records")).getElement()
				.getTextRecursively()).contains("Imaging reports", "Discharge summaries", "Holter monitor strips");
			assertThat(_get(Paragraph.class, (spec) -> spec.withId("letter-signature")).getText())
				.contains("Retrieval Patient", "retrieval-authorisation-1");
		}
		List<AuditRecord> trail = TenantContext.callAs(PUBLIC, () -> this.audit.recent(20));
		assertThat(trail).anySatisfy((entry) -> {
			assertThat(entry.action()).isEqualTo("RETRIEVAL_LETTER_VIEWED");
			assertThat(entry.subjectId()).isEqualTo(request.id().toString());
		});
	}

	@Test
	void the_link_is_refused_when_expired_unknown_or_opened_on_another_programmes_site() {
		RetrievalRequest request = onSite(PUBLIC, PATIENT,
				() -> this.retrieval.authorise(this.medicalCase.id(), authorisation("R Patient")));
		String token = token(mailFor(request));

		assertRefused(ACME, token);
		assertRefused(PUBLIC, "not-a-token");
		assertRefused(PUBLIC, token.substring(1));
		assertRefused(PUBLIC, "");

		this.clock.advance(Duration.ofDays(14).plusSeconds(1));
		assertRefused(PUBLIC, token);
		assertThat(TenantContext.callAs(PUBLIC, () -> this.audit.recent(10)))
			.anyMatch((entry) -> entry.action().equals("RETRIEVAL_LETTER_REFUSED"));
	}

	@Test
	void staff_send_a_new_link_and_the_old_one_stops_working() {
		RetrievalRequest request = onSite(PUBLIC, PATIENT,
				() -> this.retrieval.authorise(this.medicalCase.id(), authorisation("R Patient")));
		String first = token(mailFor(request));
		this.clock.advance(Duration.ofDays(15));
		assertRefused(PUBLIC, first);
		assertThatThrownBy(
				() -> onSite(PUBLIC, PATIENT, () -> this.retrieval.resendLetter(this.medicalCase.id(), request.id())))
			.isInstanceOf(AccessDeniedException.class);
		onSite(PUBLIC, COORDINATOR, () -> this.retrieval.resendLetter(this.medicalCase.id(), request.id()));
		String second = token(mailFor(request));
		assertThat(second).isNotEqualTo(first);
		assertRefused(PUBLIC, first);
		try (KaribuSite site = KaribuSite.open(this.context, PUBLIC, Locale.ENGLISH)) {
			openLetter(second);
			assertThat(_find(Div.class, (spec) -> spec.withId("request-letter"))).hasSize(1);
		}
	}

	@Test
	void staff_move_the_request_on_and_the_patient_sees_each_step_on_the_timeline() {
		RetrievalRequest request = onSite(PUBLIC, PATIENT,
				() -> this.retrieval.authorise(this.medicalCase.id(), authorisation("Retrieval Patient")));
		inPublic(COORDINATOR, () -> this.retrieval.updateStatus(this.medicalCase.id(), request.id(),
				RetrievalStatus.SENT_TO_PARTNER, null));
		inPublic(COORDINATOR, () -> this.retrieval.updateStatus(this.medicalCase.id(), request.id(),
				RetrievalStatus.IN_PROGRESS, null));
		// A partial delivery needs a note saying what is missing; nothing changes without
		// it.
		assertThatThrownBy(() -> inPublic(COORDINATOR,
				() -> this.retrieval.updateStatus(this.medicalCase.id(), request.id(), RetrievalStatus.RECEIVED_PARTIAL,
						" ")))
			.isInstanceOfSatisfying(RetrievalProblems.class, (e) -> assertThat(e.problems()).containsKey("note"));
		inPublic(COORDINATOR, () -> this.retrieval.updateStatus(this.medicalCase.id(), request.id(),
				RetrievalStatus.RECEIVED_PARTIAL, "Imaging reports still to come"));

		RetrievalRequest seen = inPublic(PATIENT, () -> this.retrieval.list(this.medicalCase.id())).get(0);
		assertThat(seen.status()).isEqualTo(RetrievalStatus.RECEIVED_PARTIAL);
		assertThat(seen.statusNote()).isEqualTo("Imaging reports still to come");
		assertThat(inPublic(PATIENT, () -> this.cases.timeline(this.medicalCase.id())))
			.extracting((entry) -> entry.what())
			.containsSubsequence("retrieval-requested", "retrieval-status", "retrieval-status", "retrieval-status");
		assertThat(inPublic(PATIENT, () -> this.cases.timeline(this.medicalCase.id())))
			.filteredOn((entry) -> entry.what().equals("retrieval-status"))
			.extracting((entry) -> entry.args().get("retrievalKey"))
			.containsExactly("retrieval.status.SENT_TO_PARTNER", "retrieval.status.IN_PROGRESS",
					"retrieval.status.RECEIVED_PARTIAL");
	}

	@Test
	void nothing_completes_by_itself_and_only_staff_complete_it_in_order() {
		RetrievalRequest request = onSite(PUBLIC, PATIENT,
				() -> this.retrieval.authorise(this.medicalCase.id(), authorisation("Retrieval Patient")));
		this.clock.advance(Duration.ofDays(60));
		assertThat(inPublic(PATIENT, () -> this.retrieval.list(this.medicalCase.id())).get(0).status())
			.isEqualTo(RetrievalStatus.REQUESTED);
		assertThatThrownBy(() -> inPublic(PATIENT, () -> this.retrieval.updateStatus(this.medicalCase.id(),
				request.id(), RetrievalStatus.COMPLETED, null)))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> inPublic(COORDINATOR,
				() -> this.retrieval.updateStatus(this.medicalCase.id(), request.id(), RetrievalStatus.COMPLETED,
						null)))
			.isInstanceOfSatisfying(RetrievalProblems.class, (e) -> assertThat(e.problems()).containsKey("status"));
		inPublic(COORDINATOR, () -> this.retrieval.updateStatus(this.medicalCase.id(), request.id(),
				RetrievalStatus.FAILED, "The hospital has closed its archive"));
		assertThatThrownBy(() -> inPublic(COORDINATOR, () -> this.retrieval.updateStatus(this.medicalCase.id(),
				request.id(), RetrievalStatus.IN_PROGRESS, null)))
			.isInstanceOf(RetrievalProblems.class);
	}

	@Test
	void bad_authorisations_are_refused_field_by_field_and_nothing_is_sent() {
		long queued = outboxToPartner();
		var bad = new org.consilium.retrieval.RetrievalAuthorisation(
				List.of(new org.consilium.retrieval.Facility(" ", "", "12", null, null),
						new org.consilium.retrieval.Facility("Clinic", "Road 1", "+34 91 555 0101",
								java.time.LocalDate.of(2025, 5, 1), java.time.LocalDate.of(2025, 4, 1))),
				java.util.Set.of(), " ", "", Locale.ENGLISH);
		assertThatThrownBy(() -> onSite(PUBLIC, PATIENT, () -> this.retrieval.authorise(this.medicalCase.id(), bad)))
			.isInstanceOfSatisfying(RetrievalProblems.class,
					(e) -> assertThat(e.problems()).containsOnlyKeys("facility.0.name", "facility.0.address",
							"facility.0.phone", "facility.0.careFrom", "facility.1.careTo", "kinds", "signature"));
		assertThat(inPublic(PATIENT, () -> this.retrieval.list(this.medicalCase.id()))).isEmpty();
		assertThat(outboxToPartner()).isEqualTo(queued);
	}

	@Test
	void only_the_cases_patient_authorises_and_outsiders_see_nothing() {
		assertThatThrownBy(() -> onSite(PUBLIC, STRANGER,
				() -> this.retrieval.authorise(this.medicalCase.id(), authorisation("Stranger"))))
			.isInstanceOf(CaseNotFoundException.class);
		assertThatThrownBy(() -> onSite(PUBLIC, COORDINATOR,
				() -> this.retrieval.authorise(this.medicalCase.id(), authorisation("Coordinator"))))
			.isInstanceOf(AccessDeniedException.class);
		onSite(PUBLIC, PATIENT, () -> this.retrieval.authorise(this.medicalCase.id(), authorisation("R Patient")));
		assertThatThrownBy(() -> inPublic(STRANGER, () -> this.retrieval.list(this.medicalCase.id())))
			.isInstanceOf(CaseNotFoundException.class);
	}

	@Test
	void a_programme_without_a_retrieval_partner_offers_none() {
		CaseDetails globexCase = submittedCase(GLOBEX, GLOBEX_PATIENT, this.cases, this.profiles);
		assertThat(TenantContext.callAs(GLOBEX, () -> this.retrieval.offered())).isFalse();
		assertThatThrownBy(() -> onSite(GLOBEX, GLOBEX_PATIENT,
				() -> this.retrieval.authorise(globexCase.id(), authorisation("Globex Patient"))))
			.isInstanceOf(RetrievalNotOfferedException.class);
		assertThatThrownBy(() -> TenantContext.callAs(GLOBEX,
				() -> Users.as(GLOBEX_PATIENT, () -> this.retrieval.list(globexCase.id()))))
			.isInstanceOf(RetrievalNotOfferedException.class);
	}

	@Test
	void another_tenant_reaches_a_request_neither_by_id_nor_by_native_sql() {
		RetrievalRequest request = onSite(PUBLIC, PATIENT,
				() -> this.retrieval.authorise(this.medicalCase.id(), authorisation("R Patient")));
		assertThatThrownBy(() -> TenantContext.callAs(ACME,
				() -> Users.as(ACME_COORDINATOR, () -> this.retrieval.list(this.medicalCase.id()))))
			.isInstanceOf(CaseNotFoundException.class);
		assertThatThrownBy(() -> TenantContext.callAs(ACME, () -> Users.as(ACME_COORDINATOR,
				() -> this.retrieval.updateStatus(this.medicalCase.id(), request.id(), RetrievalStatus.FAILED, "x"))))
			.isInstanceOf(CaseNotFoundException.class);

		String sql = "select count(*) from retrieval_request where id = ?";
		assertThat(inTransaction(PUBLIC, () -> this.jdbc.queryForObject(sql, Long.class, request.id()))).isEqualTo(1);
		assertThat(inTransaction(ACME, () -> this.jdbc.queryForObject(sql, Long.class, request.id()))).isZero();
		assertThat(inTransaction(ACME,
				() -> this.jdbc.update("update retrieval_request set status = 'COMPLETED' where id = ?", request.id())))
			.isZero();
		assertThat(inPublic(PATIENT, () -> this.retrieval.list(this.medicalCase.id())).get(0).status())
			.isEqualTo(RetrievalStatus.REQUESTED);
		assertThatThrownBy(() -> inTransaction(ACME,
				() -> this.jdbc.update("insert into retrieval_request (tenant_id, id, case_id, case_reference, "
						+ "facilities, record_kinds, patient_name, authorisation_text, authorisation_version, "
						+ "signed_name, signed_at, signed_by, status, status_changed_at, status_changed_by, "
						+ "letter_token_hash, letter_expires_at) values ('public', ?, ?, 'C-0000-0000', '[]', '[]', "
						+ "'x', 'x', 'x', 'x', now(), 'x', 'REQUESTED', now(), 'x', 'x', now())", UUID.randomUUID(),
						this.medicalCase.id().value())))
			.isInstanceOf(org.springframework.dao.DataAccessException.class);
	}

	private void assertRefused(TenantId site, String token) {
		try (KaribuSite karibu = KaribuSite.open(this.context, site, Locale.ENGLISH)) {
			openLetter(token);
			assertThat(_find(Div.class, (spec) -> spec.withId("letter-refused"))).hasSize(1);
			assertThat(_find(Div.class, (spec) -> spec.withId("request-letter"))).isEmpty();
		}
	}

	private static String token(MimeMessage mail) {
		return UriComponentsBuilder.fromUriString(TestMail.link(mail, "/retrieval-letter?token="))
			.build()
			.getQueryParams()
			.getFirst("token");
	}

	private static void openLetter(String token) {
		com.vaadin.flow.component.UI.getCurrent()
			.navigate("retrieval-letter", com.vaadin.flow.router.QueryParameters.of("token", token));
	}

	/**
	 * The partner's e-mail for the request's current letter link, waiting for it (found
	 * by the stored hash, so mail from other tests does not get in the way).
	 */
	private MimeMessage mailFor(RetrievalRequest request) {
		String hash = inTransaction(PUBLIC,
				() -> this.jdbc.queryForObject("select letter_token_hash from retrieval_request where id = ?",
						String.class, request.id()));
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (System.nanoTime() < deadline) {
			for (MimeMessage message : TestMail.get().to(PARTNER)) {
				if (TestMail.content(message).contains("/retrieval-letter?token=")
						&& LetterLinks.hash(token(message)).equals(hash)) {
					return message;
				}
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		throw new AssertionError("No e-mail with the request's letter link arrived for the partner");
	}

	private long outboxToPartner() {
		return inTransaction(PUBLIC, () -> this.jdbc.queryForObject(
				"select count(*) from notification_outbox where recipient_email = ? and kind = 'RETRIEVAL_REQUEST'",
				Long.class, PARTNER));
	}

	private <T> T inPublic(ConsiliumUser user, java.util.function.Supplier<T> work) {
		return TenantContext.callAs(PUBLIC, () -> Users.as(user, work));
	}

	private <T> T inTransaction(TenantId tenant, java.util.function.Supplier<T> work) {
		return TenantContext.callAs(tenant,
				() -> new TransactionTemplate(this.transactionManager).execute((status) -> work.get()));
	}

}
