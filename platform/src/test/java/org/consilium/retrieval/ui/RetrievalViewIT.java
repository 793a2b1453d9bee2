package org.consilium.retrieval.ui;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import org.consilium.cases.CaseDetails;
import org.consilium.cases.Cases;
import org.consilium.identity.ConsiliumUser;
import org.consilium.identity.PatientProfiles;
import org.consilium.retrieval.RecordKind;
import org.consilium.retrieval.RetrievalRequests;
import org.consilium.retrieval.RetrievalStatus;
import org.consilium.support.IntegrationTest;
import org.consilium.support.KaribuSite;
import org.consilium.support.Users;
import org.consilium.tenant.TenantContext;
import org.consilium.tenant.TenantId;
import org.consilium.tenantconfig.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.consilium.retrieval.RetrievalFixtures.submittedCase;

/**
 * The retrieval page: the patient's form says what is wrong next to each field, a valid
 * request shows as requested, staff update it there and the patient sees it; where the
 * programme has no partner, or the case is another tenant's, the page is "not found".
 */
@IntegrationTest
class RetrievalViewIT {

	static final TenantId PUBLIC = TenantId.of("public");

	static final ConsiliumUser PATIENT = Users.user("public", "retrieval-view-patient", Role.PATIENT);

	static final ConsiliumUser COORDINATOR = Users.user("public", "retrieval-view-coordinator", Role.CASE_COORDINATOR);

	@Autowired
	ApplicationContext context;

	@Autowired
	Cases cases;

	@Autowired
	PatientProfiles profiles;

	@Autowired
	RetrievalRequests retrieval;

	CaseDetails medicalCase;

	@BeforeEach
	void aSubmittedCase() {
		this.medicalCase = submittedCase(PUBLIC, PATIENT, this.cases, this.profiles);
	}

	@Test
	@SuppressWarnings("unchecked")
	void errors_sit_next_to_the_fields_and_a_valid_request_shows_as_requested() {
		try (KaribuSite site = open(PUBLIC, PATIENT, Locale.ENGLISH)) {
			assertThat(_find(Div.class, (spec) -> spec.withId("retrieval-none"))).isEmpty();
			_setValue(_get(TextField.class, (spec) -> spec.withId("facility-0-phone")), "12");
			_setValue(_get(DatePicker.class, (spec) -> spec.withId("facility-0-careFrom")), LocalDate.of(2025, 5, 1));
			_setValue(_get(DatePicker.class, (spec) -> spec.withId("facility-0-careTo")), LocalDate.of(2025, 4, 1));
			_click(_get(Button.class, (spec) -> spec.withId("retrieval-submit")));

			TextField name = _get(TextField.class, (spec) -> spec.withId("facility-0-name"));
			assertThat(name.isInvalid()).isTrue();
			assertThat(name.getErrorMessage()).isEqualTo("Enter the facility’s name.");
			assertThat(_get(TextField.class, (spec) -> spec.withId("facility-0-phone")).getErrorMessage())
				.contains("at least 6 digits");
			assertThat(_get(DatePicker.class, (spec) -> spec.withId("facility-0-careTo")).getErrorMessage())
				.isEqualTo("This date is before the start of your care there.");
			assertThat(_get(CheckboxGroup.class, (spec) -> spec.withId("record-kinds")).isInvalid()).isTrue();
			TextField signature = _get(TextField.class, (spec) -> spec.withId("retrieval-signature"));
			assertThat(signature.getErrorMessage()).isEqualTo("Type your full name to authorise the request.");
			assertThat(_get(DatePicker.class, (spec) -> spec.withId("facility-0-careFrom")).isInvalid()).isFalse();

			_setValue(name, "St. Elsewhere Hospital");
			_setValue(_get(TextField.class, (spec) -> spec.withId("facility-0-address")), "1 Hospital Road, Boston");
			_setValue(_get(TextField.class, (spec) -> spec.withId("facility-0-phone")), "+1 617 555 0199");
			_setValue(_get(DatePicker.class, (spec) -> spec.withId("facility-0-careTo")), LocalDate.of(2025, 6, 1));
			_click(_get(Button.class, (spec) -> spec.withId("add-facility")));
			_setValue(_get(TextField.class, (spec) -> spec.withId("facility-1-name")), "Cardiology Practice");
			_click(_get(Button.class, (spec) -> spec.withId("retrieval-submit")));
			// the second facility is incomplete: only its fields are marked
			assertThat(_get(TextField.class, (spec) -> spec.withId("facility-0-name")).isInvalid()).isFalse();
			assertThat(_get(TextField.class, (spec) -> spec.withId("facility-1-address")).isInvalid()).isTrue();
			_setValue(_get(TextField.class, (spec) -> spec.withId("facility-1-address")), "2 Heart Street, Boston");
			_setValue(_get(TextField.class, (spec) -> spec.withId("facility-1-phone")), "+1 617 555 0123");
			_setValue(_get(DatePicker.class, (spec) -> spec.withId("facility-1-careFrom")), LocalDate.of(2023, 1, 10));
			_setValue(_get(CheckboxGroup.class, (spec) -> spec.withId("record-kinds")),
					Set.of(RecordKind.VISIT_NOTES, RecordKind.LAB_RESULTS));
			_setValue(_get(TextField.class, (spec) -> spec.withId("retrieval-signature")), "View Patient");
			_click(_get(Button.class, (spec) -> spec.withId("retrieval-submit")));

			Span status = _get(Span.class, (spec) -> spec.withId("retrieval-status-0"));
			assertThat(status.getElement().getAttribute("data-status")).isEqualTo("REQUESTED");
			assertThat(status.getText()).isEqualTo("Requested");
			assertThat(_get(Div.class, (spec) -> spec.withId("retrieval-request-0")).getElement().getTextRecursively())
				.contains("St. Elsewhere Hospital", "Cardiology Practice", "Laboratory results",
						"Authorised by View Patient");
			// the patient cannot move it on
			assertThat(_find(Select.class, (spec) -> spec.withId("status-select-0"))).isEmpty();
		}
		assertThat(
				TenantContext.callAs(PUBLIC, () -> Users.as(PATIENT, () -> this.retrieval.list(this.medicalCase.id()))))
			.singleElement()
			.satisfies((request) -> assertThat(request.facilities()).hasSize(2));
	}

	@Test
	@SuppressWarnings("unchecked")
	void staff_update_the_status_on_the_page_and_the_patient_sees_it() {
		try (KaribuSite site = open(PUBLIC, PATIENT, Locale.ENGLISH)) {
			fillValidRequest();
		}
		try (KaribuSite site = open(PUBLIC, COORDINATOR, Locale.ENGLISH)) {
			assertThat(_find(Div.class, (spec) -> spec.withId("retrieval-form"))).isEmpty();
			_setValue(_get(Select.class, (spec) -> spec.withId("status-select-0")), RetrievalStatus.FAILED);
			_click(_get(Button.class, (spec) -> spec.withId("status-update-0")));
			TextArea note = _get(TextArea.class, (spec) -> spec.withId("status-note-0"));
			assertThat(note.isInvalid()).isTrue();
			assertThat(note.getErrorMessage()).startsWith("Say what is missing or why it failed");
			_setValue(_get(Select.class, (spec) -> spec.withId("status-select-0")), RetrievalStatus.SENT_TO_PARTNER);
			_click(_get(Button.class, (spec) -> spec.withId("status-update-0")));
			assertThat(_get(Span.class, (spec) -> spec.withId("retrieval-status-0")).getElement()
				.getAttribute("data-status")).isEqualTo("SENT_TO_PARTNER");
		}
		try (KaribuSite site = open(PUBLIC, PATIENT, Locale.forLanguageTag("es"))) {
			assertThat(_get(Span.class, (spec) -> spec.withId("retrieval-status-0")).getText())
				.isEqualTo("Enviada al socio");
			assertThat(_get(H1.class, (spec) -> spec.withId("retrieval-title")).getText())
				.startsWith("Obtención de expedientes");
		}
		try (KaribuSite site = KaribuSite.open(this.context, PUBLIC, Locale.ENGLISH)
			.signIn(PATIENT)
			.navigate("cases/" + this.medicalCase.reference().value())) {
			assertThat(_get(com.vaadin.flow.component.html.UnorderedList.class, (spec) -> spec.withId("timeline"))
				.getElement()
				.getTextRecursively()).contains("Records retrieval: Sent to the partner.",
						"You authorised a records retrieval from 1 facility(ies)");
		}
	}

	@Test
	void where_the_programme_has_no_partner_the_page_is_not_found() {
		ConsiliumUser globexPatient = Users.user("globex", "retrieval-view-patient", Role.PATIENT);
		CaseDetails globexCase = submittedCase(TenantId.of("globex"), globexPatient, this.cases, this.profiles);
		try (KaribuSite site = KaribuSite.open(this.context, TenantId.of("globex"), Locale.ENGLISH)
			.signIn(globexPatient)
			.navigate("cases/" + globexCase.reference().value() + "/retrieval")) {
			assertThat(_find(Div.class, (spec) -> spec.withId("not-found"))).hasSize(1);
			assertThat(_find(Div.class, (spec) -> spec.withId("retrieval-form"))).isEmpty();
		}
	}

	@Test
	void another_tenants_case_is_not_found_by_url() {
		ConsiliumUser acmeCoordinator = Users.user("acme", "retrieval-view-coordinator", Role.CASE_COORDINATOR);
		try (KaribuSite site = KaribuSite.open(this.context, TenantId.of("acme"), Locale.ENGLISH)
			.signIn(acmeCoordinator)
			.navigate("cases/" + this.medicalCase.reference().value() + "/retrieval")) {
			assertThat(_find(Div.class, (spec) -> spec.withId("not-found"))).hasSize(1);
			assertThat(_find(Div.class, (spec) -> spec.withId("retrieval-requests"))).isEmpty();
		}
		ConsiliumUser otherPatient = Users.user("public", "retrieval-view-other", Role.PATIENT);
		try (KaribuSite site = KaribuSite.open(this.context, PUBLIC, Locale.ENGLISH)
			.signIn(otherPatient)
			.navigate("cases/" + this.medicalCase.reference().value() + "/retrieval")) {
			assertThat(_find(Div.class, (spec) -> spec.withId("not-found"))).hasSize(1);
		}
	}

	@SuppressWarnings("unchecked")
	private void fillValidRequest() {
		_setValue(_get(TextField.class, (spec) -> spec.withId("facility-0-name")), "St. Elsewhere Hospital");
		_setValue(_get(TextField.class, (spec) -> spec.withId("facility-0-address")), "1 Hospital Road, Boston");
		_setValue(_get(TextField.class, (spec) -> spec.withId("facility-0-phone")), "+1 617 555 0199");
		_setValue(_get(DatePicker.class, (spec) -> spec.withId("facility-0-careFrom")), LocalDate.of(2024, 5, 1));
		_setValue(_get(CheckboxGroup.class, (spec) -> spec.withId("record-kinds")), Set.of(RecordKind.LAB_RESULTS));
		_setValue(_get(TextField.class, (spec) -> spec.withId("retrieval-signature")), "View Patient");
		_click(_get(Button.class, (spec) -> spec.withId("retrieval-submit")));
		assertThat(_find(Span.class, (spec) -> spec.withId("retrieval-status-0"))).hasSize(1);
	}

	private KaribuSite open(TenantId tenant, ConsiliumUser user, Locale locale) {
		return KaribuSite.open(this.context, tenant, locale)
			.signIn(user)
			.navigate("cases/" + this.medicalCase.reference().value() + "/retrieval");
	}

}
