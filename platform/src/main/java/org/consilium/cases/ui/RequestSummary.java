package org.consilium.cases.ui;

import java.util.Locale;
import java.util.Optional;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import org.consilium.cases.CaseRequest;
import org.consilium.specialists.SpecialistCard;
import org.consilium.tenantconfig.IntakeQuestion;
import org.consilium.tenantconfig.TenantConfig;

/**
 * The case request as the patient wrote it, in sections: the wizard's review page and the
 * case page show the same thing.
 */
class RequestSummary extends Div {

	/**
	 * @param edit called with the wizard step to go back to, or {@code null} on a
	 * read-only summary
	 */
	RequestSummary(CaseRequest request, TenantConfig tenant, Optional<SpecialistCard> specialist,
			java.util.function.Consumer<Integer> edit) {
		addClassName("request-summary");
		Locale locale = getLocale();
		Div request1 = section("request.step.request", 0, edit);
		request1.add(entry("request.specialty",
				(request.specialty() != null) ? getTranslation("specialty." + request.specialty()) : null));
		OrderedList questions = new OrderedList();
		questions.setId("summary-questions");
		request.questions().forEach((question) -> questions.add(new ListItem(question)));
		request1.add(new Div(label("request.questions"), request.questions().isEmpty() ? missing() : questions));
		for (IntakeQuestion question : tenant.workflow().questionsFor(request.specialty())) {
			request1.add(new Div(labelText(question.label().in(locale)), value(IntakeInput.display(question,
					request.intakeAnswers().get(question.id()), locale, tenant.defaultLocale(), this))));
		}
		Div health = section("request.step.health", 1, edit);
		health.add(entry("request.symptoms", request.symptoms()), entry("request.history", request.history()),
				entry("request.medications", request.medications()), entry("request.allergies", request.allergies()),
				entry("request.prior-treatment", request.priorTreatment()));
		Div specialistSection = section("request.step.specialist", 2, edit);
		specialistSection.add(value(specialist.map(SpecialistLabels::full)
			.orElseGet(() -> getTranslation((request.requestedSpecialist() == null) ? "request.specialist.none"
					: "request.specialist.unavailable"))));
		add(request1, health, specialistSection);
	}

	private Div section(String titleKey, int step, java.util.function.Consumer<Integer> edit) {
		Div section = new Div();
		section.addClassName("summary-section");
		H3 title = new H3(getTranslation(titleKey));
		section.add(title);
		if (edit != null) {
			com.vaadin.flow.component.button.Button change = new com.vaadin.flow.component.button.Button(
					getTranslation("request.edit"), (event) -> edit.accept(step));
			change.addThemeVariants(com.vaadin.flow.component.button.ButtonVariant.LUMO_TERTIARY);
			change.setId("edit-step-" + (step + 1));
			section.add(change);
		}
		return section;
	}

	private Div entry(String labelKey, String text) {
		return new Div(label(labelKey), (text == null || text.isBlank()) ? missing() : value(text));
	}

	private Span label(String key) {
		return labelText(getTranslation(key));
	}

	private Span labelText(String text) {
		Span label = new Span(text);
		label.addClassName("summary-label");
		return label;
	}

	private Paragraph value(String text) {
		Paragraph value = new Paragraph(text);
		value.addClassName("summary-value");
		return value;
	}

	private Paragraph missing() {
		Paragraph value = new Paragraph(getTranslation("request.not-given"));
		value.addClassNames("summary-value", "missing");
		return value;
	}

}
