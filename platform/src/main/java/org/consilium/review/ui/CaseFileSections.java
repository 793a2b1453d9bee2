package org.consilium.review.ui;

import java.time.ZoneId;
import java.util.List;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import org.consilium.cases.CaseDetails;
import org.consilium.cases.CaseRequest;
import org.consilium.physician.DoctorHistory;
import org.consilium.review.CaseFile;
import org.consilium.tenantconfig.IntakeQuestion;
import org.consilium.tenantconfig.TenantConfig;

/**
 * What the patient and the referring doctor told, read-only: the intake and the doctor's
 * history and questions.
 */
class CaseFileSections extends Div {

	CaseFileSections(CaseFile file, TenantConfig programme, ZoneId zone) {
		add(intake(file.details(), programme), doctor(file, zone));
	}

	private Div intake(CaseDetails details, TenantConfig programme) {
		CaseRequest request = details.request();
		Div card = card("work.file.intake", "case-intake");
		card.add(entry("work.file.patient", details.patientName()), entry("work.specialty",
				(request.specialty() != null) ? getTranslation("specialty." + request.specialty()) : null));
		card.add(new Div(label(getTranslation("work.file.patient-questions")),
				questions(request.questions(), "patient-questions")));
		for (IntakeQuestion question : programme.workflow().questionsFor(request.specialty())) {
			String answer = request.intakeAnswers().get(question.id());
			if (answer != null && question.type() == IntakeQuestion.Type.YES_NO) {
				answer = getTranslation("answer." + answer);
			}
			card.add(new Div(label(question.label().in(getLocale())), value(answer)));
		}
		card.add(entry("work.file.symptoms", request.symptoms()), entry("work.file.history", request.history()),
				entry("work.file.medications", request.medications()),
				entry("work.file.allergies", request.allergies()),
				entry("work.file.prior-treatment", request.priorTreatment()));
		return card;
	}

	private Div doctor(CaseFile file, ZoneId zone) {
		Div card = card("work.file.doctor", "case-doctor");
		String name = file.details().doctor().invitedName();
		if (name != null) {
			card.add(entry("work.file.doctor.name", name));
		}
		DoctorHistory.Report report = file.doctor();
		if (report == null) {
			Paragraph none = new Paragraph(getTranslation("work.file.doctor.none"));
			none.setId("doctor-none");
			card.add(none);
			return card;
		}
		card.add(entry("work.file.doctor.history", report.history()),
				entry("work.file.doctor.diagnosis", report.diagnosis()),
				new Div(label(getTranslation("work.file.doctor.questions")),
						questions(report.questions(), "doctor-questions")));
		Paragraph progress = new Paragraph((report.completedAt() != null)
				? getTranslation("work.file.doctor.completed",
						WorkLinks.date(report.completedAt().atZone(zone).toLocalDate(), getLocale()))
				: getTranslation("work.file.doctor.in-progress"));
		progress.addClassName("muted");
		card.add(progress);
		return card;
	}

	private Div card(String titleKey, String id) {
		Div card = new Div(new H2(getTranslation(titleKey)));
		card.addClassNames("card", "request-summary");
		card.setId(id);
		return card;
	}

	private Div questions(List<String> questions, String id) {
		if (questions.isEmpty()) {
			return new Div(value(null));
		}
		OrderedList list = new OrderedList();
		list.setId(id);
		questions.forEach((question) -> list.add(new ListItem(question)));
		return new Div(list);
	}

	private Div entry(String labelKey, String text) {
		return new Div(label(getTranslation(labelKey)), value(text));
	}

	private Span label(String text) {
		Span label = new Span(text);
		label.addClassName("summary-label");
		return label;
	}

	private Paragraph value(String text) {
		boolean missing = text == null || text.isBlank();
		Paragraph value = new Paragraph(missing ? getTranslation("work.file.not-given") : text);
		value.addClassName("summary-value");
		if (missing) {
			value.addClassName("missing");
		}
		return value;
	}

}
