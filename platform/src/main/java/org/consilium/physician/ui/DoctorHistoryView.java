package org.consilium.physician.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.consilium.cases.CaseMaterials;
import org.consilium.cases.CaseMaterials.DeclaredMaterial;
import org.consilium.cases.CaseMaterials.Material;
import org.consilium.cases.CaseMaterials.MaterialChannel;
import org.consilium.cases.CaseMaterials.MaterialKind;
import org.consilium.identity.Roles;
import org.consilium.physician.internal.DoctorCase;
import org.consilium.physician.internal.DoctorCases;
import org.consilium.physician.internal.DoctorReport;
import org.consilium.physician.internal.DoctorReportService;
import org.consilium.shell.MainLayout;

/**
 * The doctor's form: clinical history, working diagnosis, up to five questions for the
 * specialist, and the materials list (what will come and how). "Save" keeps a draft;
 * "Complete" checks everything and hands the part over. Messages stay next to the field.
 */
@Route(value = "cases/:reference/doctor/history", layout = MainLayout.class)
@RolesAllowed(Roles.REFERRING_PHYSICIAN)
class DoctorHistoryView extends Div implements BeforeEnterObserver, HasDynamicTitle {

	private static final int QUESTIONS = 5;

	private static final int FIRST_ROWS = 3;

	private final transient DoctorCases doctorCases;

	private final transient DoctorReportService reports;

	private final transient CaseMaterials materials;

	private final TextArea history = new TextArea();

	private final TextArea diagnosis = new TextArea();

	private final List<TextField> questions = new ArrayList<>();

	private final List<MaterialRow> rows = new ArrayList<>();

	private final Div rowsBox = new Div();

	private final Paragraph materialsProblem = new Paragraph();

	private String reference = "";

	private String title = "";

	DoctorHistoryView(DoctorCases doctorCases, DoctorReportService reports, CaseMaterials materials) {
		this.doctorCases = doctorCases;
		this.reports = reports;
		this.materials = materials;
	}

	@Override
	public void beforeEnter(BeforeEnterEvent event) {
		String parameter = event.getRouteParameters().get("reference").orElse("");
		var found = this.doctorCases.find(parameter).filter(DoctorCase::asDoctor);
		if (found.isEmpty()) {
			event.rerouteToError(NotFoundException.class);
			return;
		}
		DoctorCase medicalCase = found.get();
		this.reference = medicalCase.reference().value();
		this.title = getTranslation("history.title", this.reference);
		DoctorReport report = this.reports.report(this.reference).orElse(DoctorReport.empty());
		removeAll();
		H1 heading = new H1(this.title);
		heading.setId("history-heading");
		add(heading, new Paragraph(getTranslation("history.patient", medicalCase.patientName())));
		if (report.completedAt() != null) {
			add(completed(medicalCase, report));
		}
		else {
			add(form(report));
		}
		add(new Anchor("cases/" + this.reference + "/doctor", getTranslation("history.back")));
	}

	private Div completed(DoctorCase medicalCase, DoctorReport report) {
		Paragraph done = new Paragraph(getTranslation("history.completed"));
		done.setId("history-completed");
		Div card = new Div(new H2(getTranslation("history.history")), new Paragraph(report.history()),
				new H2(getTranslation("history.diagnosis")), new Paragraph(report.diagnosis()));
		for (String question : report.questions()) {
			card.add(new Paragraph(question));
		}
		card.add(new H2(getTranslation("history.materials")));
		for (Material material : this.materials.list(medicalCase.id())) {
			card.add(new Paragraph(material.description() + " · "
					+ getTranslation("doctor.material.kind." + material.kind().name()) + " · "
					+ getTranslation("doctor.material.channel." + material.channel().name()) + " · "
					+ getTranslation(material.received() ? "history.material.received" : "history.material.missing")));
		}
		card.addClassName("card");
		return new Div(done, card);
	}

	private Div form(DoctorReport report) {
		this.history.setLabel(getTranslation("history.history"));
		this.history.setHelperText(getTranslation("history.history.help"));
		this.history.setId("history");
		this.history.setValue((report.history() != null) ? report.history() : "");
		this.diagnosis.setLabel(getTranslation("history.diagnosis"));
		this.diagnosis.setId("diagnosis");
		this.diagnosis.setValue((report.diagnosis() != null) ? report.diagnosis() : "");
		for (TextArea area : List.of(this.history, this.diagnosis)) {
			area.setManualValidation(true);
			area.setRequiredIndicatorVisible(true);
			area.setWidthFull();
		}
		Div questionBox = new Div(new H2(getTranslation("history.questions")),
				new Paragraph(getTranslation("history.questions.help")));
		this.questions.clear();
		for (int i = 0; i < QUESTIONS; i++) {
			TextField question = new TextField(getTranslation("history.question", i + 1));
			question.setId("question-" + i);
			question.setManualValidation(true);
			question.setWidthFull();
			if (i < report.questions().size()) {
				question.setValue(report.questions().get(i));
			}
			this.questions.add(question);
			questionBox.add(question);
		}
		this.rows.clear();
		this.rowsBox.removeAll();
		for (int i = 0; i < FIRST_ROWS; i++) {
			addRow();
		}
		Button more = new Button(getTranslation("history.material.add"), (event) -> addRow());
		more.setId("add-material");
		this.materialsProblem.setId("materials-problem");
		this.materialsProblem.addClassName("error-text");
		this.materialsProblem.setVisible(false);
		Div materialsBox = new Div(new H2(getTranslation("history.materials")),
				new Paragraph(getTranslation("history.materials.help")), this.rowsBox, more, this.materialsProblem);
		Button save = new Button(getTranslation("history.save"), (event) -> save());
		save.setId("save-report");
		Button complete = new Button(getTranslation("history.complete"), (event) -> complete());
		complete.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		complete.setId("complete-report");
		Div card = new Div(this.history, this.diagnosis, questionBox, materialsBox, new Div(save, complete));
		card.addClassName("card");
		card.setId("history-form");
		return card;
	}

	private void addRow() {
		MaterialRow row = new MaterialRow(this.rows.size());
		this.rows.add(row);
		this.rowsBox.add(row.box);
	}

	private void save() {
		Map<String, List<String>> problems = this.reports.save(this.reference, this.history.getValue(),
				this.diagnosis.getValue(), questionValues());
		show(problems);
		if (problems.isEmpty()) {
			Notification.show(getTranslation("history.saved"));
		}
	}

	private void complete() {
		List<DeclaredMaterial> items = this.rows.stream()
			.map((row) -> new DeclaredMaterial(row.description.getValue(), row.kind.getValue(), row.channel.getValue()))
			.toList();
		Map<String, List<String>> problems = this.reports.complete(this.reference, this.history.getValue(),
				this.diagnosis.getValue(), questionValues(), items);
		show(problems);
		if (problems.isEmpty()) {
			getUI().ifPresent((ui) -> ui.navigate("cases/" + this.reference + "/doctor"));
		}
	}

	private void show(Map<String, List<String>> problems) {
		Map<String, HasValidation> fields = new LinkedHashMap<>();
		fields.put("history", this.history);
		fields.put("diagnosis", this.diagnosis);
		for (int i = 0; i < this.questions.size(); i++) {
			fields.put("question." + i, this.questions.get(i));
		}
		for (MaterialRow row : this.rows) {
			fields.put("material." + row.index + ".description", row.description);
			fields.put("material." + row.index + ".kind", row.kind);
		}
		FieldErrors.show(fields, problems);
		List<String> general = new ArrayList<>(problems.getOrDefault("materials", List.of()));
		general.addAll(problems.getOrDefault("questions", List.of()));
		general.addAll(problems.getOrDefault("form", List.of()));
		this.materialsProblem.setVisible(!general.isEmpty());
		this.materialsProblem.setText(String.join(" ", general.stream().map(this::getTranslation).toList()));
	}

	private List<String> questionValues() {
		return this.questions.stream().map(TextField::getValue).toList();
	}

	@Override
	public String getPageTitle() {
		return this.title;
	}

	/** One item of the materials list: what, which kind, how it comes. */
	private final class MaterialRow {

		final int index;

		final TextField description = new TextField();

		final Select<MaterialKind> kind = new Select<>();

		final Select<MaterialChannel> channel = new Select<>();

		final Div box = new Div();

		MaterialRow(int index) {
			this.index = index;
			this.description.setLabel(getTranslation("history.material.description"));
			this.description.setId("material-" + index + "-description");
			this.description.setManualValidation(true);
			this.kind.setLabel(getTranslation("history.material.kind"));
			this.kind.setId("material-" + index + "-kind");
			this.kind.setItems(MaterialKind.values());
			this.kind.setItemLabelGenerator((value) -> getTranslation("doctor.material.kind." + value.name()));
			this.channel.setLabel(getTranslation("history.material.channel"));
			this.channel.setId("material-" + index + "-channel");
			this.channel.setItems(MaterialChannel.values());
			this.channel.setItemLabelGenerator((value) -> getTranslation("doctor.material.channel." + value.name()));
			this.box.add(this.description, this.kind, this.channel);
			this.box.addClassName("material-row");
		}

	}

}
