package org.consilium.cases.ui;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.github.mvysny.kaributesting.v10.ComboBoxKt;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import org.consilium.cases.CaseDetails;
import org.consilium.cases.CaseReference;
import org.consilium.cases.CaseRequest;
import org.consilium.cases.CaseStatus;
import org.consilium.cases.Cases;
import org.consilium.identity.ConsiliumUser;
import org.consilium.identity.Demographics;
import org.consilium.identity.PatientProfiles;
import org.consilium.specialists.SpecialistCard;
import org.consilium.support.IntegrationTest;
import org.consilium.support.KaribuSite;
import org.consilium.support.TestDatabase;
import org.consilium.support.Users;
import org.consilium.tenant.TenantContext;
import org.consilium.tenant.TenantId;
import org.consilium.tenantconfig.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The case-request wizard as a patient uses it: problems next to the field before moving
 * on, the draft saved as they type and found again, consents stored as signed, and what
 * they will pay as their programme says.
 */
@IntegrationTest
class CaseRequestWizardIT {

	@Autowired
	ApplicationContext context;

	@Autowired
	Cases cases;

	@Autowired
	PatientProfiles profiles;

	final JdbcTemplate admin = TestDatabase.get().adminJdbc();

	@Test
	void a_patient_without_details_is_asked_for_them_first() {
		ConsiliumUser patient = Users.user("public", "wizard-no-profile", Role.PATIENT);
		try (KaribuSite site = KaribuSite.open(this.context, TenantId.of("public"), Locale.ENGLISH)
			.signIn(patient)
			.navigate("cases/new")) {
			assertThat(_find(Button.class, (spec) -> spec.withId("save-profile"))).hasSize(1);
			assertThat(_find(Select.class, (spec) -> spec.withId("specialty"))).isEmpty();
		}
	}

	@Test
	void a_patient_goes_through_every_step_sees_each_problem_next_to_its_field_and_submits() {
		ConsiliumUser patient = patientWithProfile("public", "wizard-full");
		String reference;
		try (KaribuSite site = KaribuSite.open(this.context, TenantId.of("public"), Locale.ENGLISH)
			.signIn(patient)
			.navigate("cases/new")) {
			_click(button("next"));
			assertThat(invalid(_get(Select.class, (spec) -> spec.withId("specialty"))))
				.isEqualTo("Choose one of the specialties this programme offers.");

			_setValue(_get(Select.class, (spec) -> spec.withId("specialty")), "oncology");
			reference = _get(Paragraph.class, (spec) -> spec.withId("request-reference")).getText()
				.replaceAll(".*is ([A-Z0-9-]+)\\..*", "$1");
			assertThat(reference).matches("[A-Z0-9-]{6,}");
			_click(button("next"));
			assertThat(invalid(_get(TextArea.class, (spec) -> spec.withId("question-1"))))
				.isEqualTo("Write your question for the specialist.");
			assertThat(invalid(_get(DatePicker.class, (spec) -> spec.withId("intake-diagnosis-date"))))
				.isEqualTo("This question needs an answer.");
			assertThat(invalid(_get(RadioButtonGroup.class, (spec) -> spec.withId("intake-treatment-started"))))
				.isEqualTo("This question needs an answer.");
			assertThat(_get(Select.class, (spec) -> spec.withId("specialty")).isInvalid()).isFalse();

			_setValue(_get(TextArea.class, (spec) -> spec.withId("question-1")),
					"Is surgery or radiotherapy the better first treatment?");
			_click(button("add-question"));
			_setValue(_get(TextArea.class, (spec) -> spec.withId("question-2")),
					"How often should I be checked afterwards?");
			_setValue(_get(DatePicker.class, (spec) -> spec.withId("intake-diagnosis-date")), LocalDate.of(2026, 9, 2));
			_setValue(_get(RadioButtonGroup.class, (spec) -> spec.withId("intake-treatment-started")), "no");
			_click(button("next"));

			assertThat(_find(TextArea.class, (spec) -> spec.withId("question-1"))).as("left the first step").isEmpty();
			_click(button("next"));
			assertThat(invalid(_get(TextArea.class, (spec) -> spec.withId("symptoms"))))
				.isEqualTo("Describe your symptoms: what you feel, since when.");
			_setValue(_get(TextArea.class, (spec) -> spec.withId("symptoms")), "A lump in the left breast since July.");
			_setValue(_get(TextArea.class, (spec) -> spec.withId("medications")), "Levothyroxine 50 µg daily");
			_click(button("next"));

			_click(button("next"));
			TextField telemedicine = _get(TextField.class, (spec) -> spec.withId("consent-telemedicine"));
			_click(button("next"));
			assertThat(invalid(telemedicine)).isEqualTo("Type your full name to give this consent.");
			_setValue(telemedicine, "Wizard Full");
			_setValue(_get(TextField.class, (spec) -> spec.withId("consent-records-release")), "Wizard Full");
			_click(button("next"));

			Div review = _get(Div.class, (spec) -> spec.withId("review"));
			assertThat(text(review)).contains("Oncology", "Is surgery or radiotherapy the better first treatment?",
					"How often should I be checked afterwards?", "September 2, 2026", "No",
					"A lump in the left breast since July.", "Levothyroxine 50 µg daily",
					"No preference: our medical staff choose the specialist.", "Signed as Wizard Full.");
			assertThat(text(_get(Div.class, (spec) -> spec.withId("review-payment")))).contains("$950.00",
					"charged only when your opinion is complete", "processing fee of $25.00");

			_click(button("submit-request"));
			// The patient pays: submission lands on the case's payment page.
			assertThat(_get(H1.class, (spec) -> spec.withId("payment-heading")).getText()).contains(reference);
			String back = _get(com.vaadin.flow.component.html.Anchor.class, (spec) -> spec.withId("payment-back"))
				.getHref();
			assertThat(back).isEqualTo("cases/" + reference);
			com.vaadin.flow.component.UI.getCurrent().navigate(back);
			assertThat(_get(H1.class, (spec) -> spec.withId("case-reference")).getText())
				.isEqualTo("Case " + reference);
			assertThat(_get(Span.class, (spec) -> spec.withId("case-status")).getText())
				.isEqualTo("Waiting for your doctor");
			assertThat(_find(com.vaadin.flow.component.html.Anchor.class, (spec) -> spec.withId("doctor-link")))
				.hasSize(1);
		}
		List<Map<String, Object>> consents = this.admin.queryForList(
				"select c.consent_id, c.consent_version, c.signed_name, c.consent_text, c.signed_at from case_consent c "
						+ "join medical_case m on m.id = c.case_id where m.reference = ? order by c.consent_id",
				reference);
		assertThat(consents).extracting((row) -> row.get("consent_id"))
			.containsExactly("records-release", "telemedicine");
		assertThat(consents).allSatisfy((row) -> {
			assertThat(row.get("consent_version")).isEqualTo("2026-01");
			assertThat(row.get("signed_name")).isEqualTo("Wizard Full");
			assertThat(row.get("signed_at")).isNotNull();
		});
		assertThat((String) consents.get(1).get("consent_text")).startsWith("I understand that a second opinion");
		Map<String, Object> stored = this.admin.queryForMap(
				"select status, intake_answers::text as answers, questions::text as questions from medical_case where reference = ?",
				reference);
		assertThat(stored.get("status")).isEqualTo("AWAITING_PHYSICIAN");
		assertThat((String) stored.get("answers")).contains("\"diagnosis-date\": \"2026-09-02\"",
				"\"treatment-started\": \"no\"");
	}

	@Test
	void the_draft_is_saved_as_the_patient_types_and_found_again() {
		ConsiliumUser patient = patientWithProfile("public", "wizard-autosave");
		String reference;
		try (KaribuSite site = KaribuSite.open(this.context, TenantId.of("public"), Locale.ENGLISH)
			.signIn(patient)
			.navigate("cases/new")) {
			_setValue(_get(Select.class, (spec) -> spec.withId("specialty")), "cardiology");
			_setValue(_get(TextArea.class, (spec) -> spec.withId("question-1")), "Do I need a stent?");
			assertThat(_get(Span.class, (spec) -> spec.withId("draft-status")).getText()).startsWith("Draft saved at");
			reference = _get(Paragraph.class, (spec) -> spec.withId("request-reference")).getText()
				.replaceAll(".*is ([A-Z0-9-]+)\\..*", "$1");
		}
		try (KaribuSite site = KaribuSite.open(this.context, TenantId.of("public"), Locale.ENGLISH)
			.signIn(patient)
			.navigate("cases/" + reference)) {
			_click(button("continue-request"));
			assertThat(_get(Select.class, (spec) -> spec.withId("specialty")).getValue()).isEqualTo("cardiology");
			assertThat(_get(TextArea.class, (spec) -> spec.withId("question-1")).getValue())
				.isEqualTo("Do I need a stent?");
		}
		CaseDetails draft = TenantContext.callAs(TenantId.of("public"),
				() -> Users.as(patient,
						() -> this.cases.list()
							.stream()
							.filter((c) -> c.reference().value().equals(reference))
							.findFirst()
							.map((c) -> this.cases.get(c.id()))
							.orElseThrow()));
		assertThat(draft.status()).isEqualTo(CaseStatus.DRAFT);
		assertThat(draft.request().questions()).containsExactly("Do I need a stent?");
	}

	@Test
	void a_patient_finds_a_specialist_by_name_and_the_request_keeps_them() {
		ConsiliumUser patient = patientWithProfile("public", "wizard-named");
		String reference;
		try (KaribuSite site = KaribuSite.open(this.context, TenantId.of("public"), Locale.ENGLISH)
			.signIn(patient)
			.navigate("cases/new")) {
			_setValue(_get(Select.class, (spec) -> spec.withId("specialty")), "cardiology");
			_setValue(_get(TextArea.class, (spec) -> spec.withId("question-1")), "Is the valve repair urgent?");
			_click(button("next"));
			_setValue(_get(TextArea.class, (spec) -> spec.withId("symptoms")), "Breathless on stairs since spring.");
			_click(button("next"));

			@SuppressWarnings("unchecked")
			ComboBox<SpecialistCard> specialist = _get(ComboBox.class, (spec) -> spec.withId("specialist"));
			ComboBoxKt.setUserInput(specialist, "ortega");
			assertThat(ComboBoxKt.getSuggestions(specialist)).containsExactly("Javier Ortega, MD");
			ComboBoxKt.setUserInput(specialist, "");
			assertThat(ComboBoxKt.getSuggestions(specialist)).as("cardiologists of the general pool")
				.containsExactly("Hiroshi Tanaka, MD, FACC", "Javier Ortega, MD", "Sarah Cohen, MD, FACC");
			ComboBoxKt.selectByLabel(specialist, "Sarah Cohen, MD, FACC");
			reference = _get(Paragraph.class, (spec) -> spec.withId("request-reference")).getText()
				.replaceAll(".*is ([A-Z0-9-]+)\\..*", "$1");
		}
		CaseDetails draft = TenantContext.callAs(TenantId.of("public"),
				() -> Users.as(patient, () -> this.cases.get(new CaseReference(reference))));
		assertThat(draft.request().requestedSpecialist()).isEqualTo("sp-sarah-cohen");
		assertThat(TenantContext.callAs(TenantId.of("public"),
				() -> Users.as(patient, () -> this.cases.problems(draft.id()))))
			.doesNotContainKey("requestedSpecialist");
	}

	@Test
	void a_specialist_outside_the_programmes_pools_is_refused_by_the_server() {
		ConsiliumUser patient = patientWithProfile("acme", "wizard-pool");
		Map<String, List<String>> problems = TenantContext.callAs(TenantId.of("acme"), () -> Users.as(patient, () -> {
			CaseDetails draft = this.cases.openDraft("cardiology", "Second look at my ECG?");
			// Sarah Cohen is in the general pool only; acme's programme uses acme-panel.
			this.cases.saveDraft(draft.id(), new CaseRequest("cardiology", List.of("Second look at my ECG?"), Map.of(),
					"Palpitations.", null, null, null, null, "sp-sarah-cohen"));
			return this.cases.problems(draft.id());
		}));
		assertThat(problems).containsEntry("requestedSpecialist", List.of("case.error.specialist"));
		Map<String, List<String>> inPool = TenantContext.callAs(TenantId.of("acme"), () -> Users.as(patient, () -> {
			CaseDetails draft = this.cases.openDraft("cardiology", "Second look at my ECG?");
			this.cases.saveDraft(draft.id(), new CaseRequest("cardiology", List.of("Second look at my ECG?"), Map.of(),
					"Palpitations.", null, null, null, null, "sp-hiroshi-tanaka"));
			return this.cases.problems(draft.id());
		}));
		assertThat(inPool).doesNotContainKey("requestedSpecialist");
	}

	@Test
	void another_patients_draft_cannot_be_continued_by_url() {
		ConsiliumUser owner = patientWithProfile("public", "wizard-owner");
		ConsiliumUser other = patientWithProfile("public", "wizard-other");
		CaseDetails draft = TenantContext.callAs(TenantId.of("public"),
				() -> Users.as(owner, () -> this.cases.openDraft("cardiology", "Mine")));
		try (KaribuSite site = KaribuSite.open(this.context, TenantId.of("public"), Locale.ENGLISH)
			.signIn(other)
			.navigate("cases/" + draft.reference().value() + "/request")) {
			assertThat(_find(Div.class, (spec) -> spec.withId("not-found"))).hasSize(1);
			assertThat(_find(Select.class, (spec) -> spec.withId("specialty"))).isEmpty();
		}
	}

	@Test
	void an_employer_programme_says_who_pays_and_in_spanish_the_copay() {
		ConsiliumUser acme = patientWithProfile("acme", "wizard-acme");
		try (KaribuSite site = KaribuSite.open(this.context, TenantId.of("acme"), Locale.ENGLISH)
			.signIn(acme)
			.navigate("cases/new")) {
			_setValue(_get(Select.class, (spec) -> spec.withId("specialty")), "cardiology");
			_click(button("step-5"));
			assertThat(text(_get(Div.class, (spec) -> spec.withId("review-payment"))))
				.contains("Your employer pays for this opinion.");
		}
		ConsiliumUser globex = patientWithProfile("globex", "wizard-globex");
		try (KaribuSite site = KaribuSite.open(this.context, TenantId.of("globex"), Locale.forLanguageTag("es"))
			.signIn(globex)
			.navigate("cases/new")) {
			_setValue(_get(Select.class, (spec) -> spec.withId("specialty")), "endocrinology");
			assertThat(_get(TextField.class, (spec) -> spec.withId("intake-last-hba1c")).getLabel())
				.isEqualTo("Su resultado más reciente de HbA1c, si lo conoce");
			_click(button("step-5"));
			assertThat(text(_get(Div.class, (spec) -> spec.withId("review-payment")))).contains("Su parte es", "50,00",
					"Su empleador paga el resto");
		}
	}

	private ConsiliumUser patientWithProfile(String tenant, String name) {
		ConsiliumUser patient = Users.user(tenant, name, Role.PATIENT);
		String employeeId = null;
		String legalName = name.replace('-', ' ');
		LocalDate born = LocalDate.of(1980, 5, 17);
		if (tenant.equals("globex")) {
			employeeId = "T-" + name;
			this.admin.update(
					"insert into census_entry (tenant_id, employee_id, last_name, date_of_birth) values (?, ?, ?, ?)"
							+ " on conflict do nothing",
					tenant, employeeId, legalName.substring(legalName.lastIndexOf(' ') + 1), born);
		}
		Demographics demographics = new Demographics(legalName, born, Demographics.Sex.FEMALE, "1 Main Street",
				"Springfield", "MA", "01101", "US", "+1 617 555 0100", "en", employeeId);
		Map<String, List<String>> problems = TenantContext.callAs(TenantId.of(tenant),
				() -> Users.as(patient, () -> this.profiles.saveOwn(demographics)));
		assertThat(problems).isEmpty();
		return patient;
	}

	private static Button button(String id) {
		return _get(Button.class, (spec) -> spec.withId(id));
	}

	private static String invalid(HasValidation field) {
		assertThat(field.isInvalid()).as("field is marked invalid").isTrue();
		return field.getErrorMessage();
	}

	private static String text(com.vaadin.flow.component.Component component) {
		return component.getElement().getTextRecursively();
	}

}
