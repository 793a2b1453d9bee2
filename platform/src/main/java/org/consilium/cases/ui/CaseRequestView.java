package org.consilium.cases.ui;

import java.text.NumberFormat;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import jakarta.annotation.security.RolesAllowed;
import org.consilium.cases.CaseDetails;
import org.consilium.cases.CaseId;
import org.consilium.cases.CaseNotFoundException;
import org.consilium.cases.CaseReference;
import org.consilium.cases.CaseRequest;
import org.consilium.cases.CaseRequestProblems;
import org.consilium.cases.CaseStatus;
import org.consilium.cases.Cases;
import org.consilium.cases.ConsentSignature;
import org.consilium.identity.CurrentUser;
import org.consilium.identity.PatientProfiles;
import org.consilium.identity.Roles;
import org.consilium.shell.MainLayout;
import org.consilium.specialists.SpecialistCard;
import org.consilium.specialists.SpecialistDirectory;
import org.consilium.tenant.Tenants;
import org.consilium.tenantconfig.Billing;
import org.consilium.tenantconfig.Consent;
import org.consilium.tenantconfig.IntakeQuestion;
import org.consilium.tenantconfig.Money;
import org.consilium.tenantconfig.TenantConfig;
import org.consilium.tenantconfig.Workflow;

import org.springframework.dao.OptimisticLockingFailureException;

/**
 * The case-request wizard: what the patient asks, their health, a specialist they would
 * like, the programme's consents, a review, submit. The draft is saved as the patient
 * types (once a specialty is chosen, the case exists and has its reference); problems are
 * shown next to the field, from the same rules the submission applies.
 */
@Route(value = "cases/:reference/request", layout = MainLayout.class)
@RouteAlias(value = "cases/new", layout = MainLayout.class)
@RolesAllowed(Roles.PATIENT)
class CaseRequestView extends Div implements BeforeEnterObserver, HasDynamicTitle {

	static final int MAX_TEXT = 4000;

	static final int MAX_QUESTIONS = 5;

	static final int AUTOSAVE_PAUSE_MS = 1200;

	private static final List<String> STEPS = List.of("request.step.request", "request.step.health",
			"request.step.specialist", "request.step.consents", "request.step.review");

	private static final int REQUEST = 0;

	private static final int HEALTH = 1;

	private static final int SPECIALIST = 2;

	private static final int CONSENTS = 3;

	private static final int REVIEW = 4;

	private final transient Cases cases;

	private final transient PatientProfiles profiles;

	private final transient SpecialistDirectory directory;

	private final transient TenantConfig tenant;

	private final Select<String> specialty = new Select<>();

	private final Div questions = new Div();

	private final List<TextArea> questionFields = new ArrayList<>();

	private final Button addQuestion = new Button();

	private final Div intake = new Div();

	private final List<IntakeInput> intakeInputs = new ArrayList<>();

	private final TextArea symptoms = textArea("symptoms", "request.symptoms", "request.symptoms.help");

	private final TextArea history = textArea("history", "request.history", "request.history.help");

	private final TextArea medications = textArea("medications", "request.medications", "request.medications.help");

	private final TextArea allergies = textArea("allergies", "request.allergies", "request.allergies.help");

	private final TextArea priorTreatment = textArea("priorTreatment", "request.prior-treatment",
			"request.prior-treatment.help");

	private final ComboBox<SpecialistCard> specialist = new ComboBox<>();

	private final Map<String, TextField> signatures = new LinkedHashMap<>();

	private final List<Div> pages = new ArrayList<>();

	private final OrderedList stepper = new OrderedList();

	private final Div review = new Div();

	private final Span saved = new Span();

	private final Button back = new Button();

	private final Button next = new Button();

	private final Button submit = new Button();

	private final Paragraph referenceNote = new Paragraph();

	private final Paragraph notEligible = new Paragraph();

	private CaseId caseId;

	private CaseReference reference;

	private int step = REQUEST;

	/** True while the form is filled from the stored draft: no autosave then. */
	private boolean loading;

	CaseRequestView(Cases cases, PatientProfiles profiles, SpecialistDirectory directory, Tenants tenants) {
		this.cases = cases;
		this.profiles = profiles;
		this.directory = directory;
		this.tenant = tenants.current().config();
		addClassName("request-wizard");
		build();
	}

	@Override
	public void beforeEnter(BeforeEnterEvent event) {
		Optional<String> parameter = event.getRouteParameters().get("reference");
		if (this.profiles.find(CurrentUser.require().id()).isEmpty()) {
			String here = event.getLocation().getPath();
			event.forwardTo("profile", QueryParameters.of("continue", here));
			Notification.show(getTranslation("request.profile-first"));
			return;
		}
		showEligibility(this.profiles.eligible(CurrentUser.require().id()));
		if (parameter.isEmpty()) {
			return;
		}
		CaseDetails details;
		try {
			details = CaseReference.parse(parameter.get())
				.map(this.cases::get)
				.orElseThrow(() -> new CaseNotFoundException(parameter.get()));
		}
		catch (CaseNotFoundException ex) {
			event.rerouteToError(NotFoundException.class);
			return;
		}
		if (details.status() != CaseStatus.DRAFT) {
			event.forwardTo("cases/" + details.reference().value());
			return;
		}
		load(details);
	}

	private void build() {
		H1 title = new H1(getTranslation("request.title"));
		title.setId("request-title");
		this.stepper.addClassName("stepper");
		this.stepper.setId("stepper");
		for (int i = 0; i < STEPS.size(); i++) {
			int target = i;
			Button link = new Button((i + 1) + ". " + getTranslation(STEPS.get(i)), (event) -> go(target));
			link.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
			link.setId("step-" + (i + 1));
			this.stepper.add(new ListItem(link));
		}
		this.referenceNote.setId("request-reference");
		this.referenceNote.setVisible(false);
		this.notEligible.setText(getTranslation("request.not-eligible"));
		this.notEligible.setId("not-eligible");
		this.notEligible.addClassName("notice");
		this.notEligible.setVisible(false);
		this.pages.add(requestPage());
		this.pages.add(healthPage());
		this.pages.add(specialistPage());
		this.pages.add(consentsPage());
		this.pages.add(reviewPage());
		Div card = new Div();
		card.addClassNames("card", "wizard-card");
		this.pages.forEach(card::add);

		this.back.setText(getTranslation("request.back"));
		this.back.setId("back");
		this.back.addClickListener((event) -> go(this.step - 1));
		this.next.setText(getTranslation("request.next"));
		this.next.setId("next");
		this.next.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		this.next.addClickListener((event) -> forward());
		this.submit.setText(getTranslation("request.submit"));
		this.submit.setId("submit-request");
		this.submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
		this.submit.addClickListener((event) -> submit());
		this.submit.setDisableOnClick(true);
		this.saved.setId("draft-status");
		this.saved.addClassName("draft-status");
		this.saved.getElement().setAttribute("aria-live", "polite");
		HorizontalLayout actions = new HorizontalLayout(this.back, this.saved, this.next, this.submit);
		actions.setWidthFull();
		actions.setAlignItems(FlexComponent.Alignment.CENTER);
		actions.expand(this.saved);
		actions.addClassName("wizard-actions");
		card.add(actions);
		add(title, this.notEligible, this.referenceNote, this.stepper, card);
		show(REQUEST);
	}

	private Div requestPage() {
		Div page = page("request.step.request", "request.step.request.intro");
		this.specialty.setLabel(getTranslation("request.specialty"));
		this.specialty.setHelperText(getTranslation("request.specialty.help"));
		this.specialty.setId("specialty");
		this.specialty.setItems(this.tenant.workflow().specialties());
		this.specialty.setItemLabelGenerator((code) -> getTranslation("specialty." + code));
		this.specialty.setPlaceholder(getTranslation("request.specialty.choose"));
		this.specialty.setRequiredIndicatorVisible(true);
		this.specialty.setManualValidation(true);
		this.specialty.addValueChangeListener((event) -> {
			if (!this.loading) {
				specialtyChanged();
			}
		});
		H3 questionsTitle = new H3(getTranslation("request.questions"));
		Paragraph questionsHelp = new Paragraph(getTranslation("request.questions.help", MAX_QUESTIONS));
		questionsHelp.addClassName("help");
		this.questions.setId("questions");
		this.addQuestion.setText(getTranslation("request.questions.add"));
		this.addQuestion.setIcon(VaadinIcon.PLUS.create());
		this.addQuestion.setId("add-question");
		this.addQuestion.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
		this.addQuestion.addClickListener((event) -> {
			addQuestionField("").focus();
			changed();
		});
		addQuestionField("");
		this.intake.setId("intake");
		page.add(this.specialty, questionsTitle, questionsHelp, this.questions, this.addQuestion, this.intake);
		return page;
	}

	private Div healthPage() {
		Div page = page("request.step.health", "request.step.health.intro");
		this.symptoms.setRequiredIndicatorVisible(true);
		page.add(this.symptoms, this.history, this.medications, this.allergies, this.priorTreatment);
		return page;
	}

	private Div specialistPage() {
		Div page = page("request.step.specialist", "request.step.specialist.intro");
		this.specialist.setId("specialist");
		this.specialist.setLabel(getTranslation("request.specialist"));
		this.specialist.setHelperText(getTranslation("request.specialist.help"));
		this.specialist.setPlaceholder(getTranslation("request.specialist.placeholder"));
		this.specialist.setClearButtonVisible(true);
		this.specialist.setWidthFull();
		this.specialist.setManualValidation(true);
		this.specialist.setItemLabelGenerator(SpecialistLabels::name);
		this.specialist.setRenderer(new ComponentRenderer<>((card) -> {
			Div name = new Div(new Span(SpecialistLabels.name(card)));
			name.addClassName("specialist-name");
			Div details = new Div(new Span(String.join(" · ", card.institution(), languages(card))));
			details.addClassName("specialist-details");
			return new Div(name, details);
		}));
		this.specialist.setItems((query) -> {
			String filter = query.getFilter().orElse("");
			int offset = query.getOffset();
			int limit = query.getLimit();
			String chosen = this.specialty.getValue();
			if (chosen == null) {
				return java.util.stream.Stream.empty();
			}
			return this.directory.search(filter, chosen, this.tenant.workflow().specialistPools(), 50)
				.stream()
				.skip(offset)
				.limit(limit);
		});
		this.specialist.addValueChangeListener((event) -> {
			if (event.isFromClient()) {
				changed();
			}
		});
		page.add(this.specialist);
		return page;
	}

	private String languages(SpecialistCard card) {
		return String.join(", ",
				card.languages()
					.stream()
					.map((code) -> Locale.forLanguageTag(code).getDisplayLanguage(getLocale()))
					.toList());
	}

	private Div consentsPage() {
		Div page = page("request.step.consents", "request.step.consents.intro");
		List<Consent> consents = this.tenant.workflow().requiredConsents();
		if (consents.isEmpty()) {
			page.add(new Paragraph(getTranslation("request.consents.none")));
		}
		for (int i = 0; i < consents.size(); i++) {
			Consent consent = consents.get(i);
			Div box = new Div();
			box.addClassName("consent");
			box.setId("consent-box-" + consent.id());
			H3 heading = new H3(getTranslation("request.consent.heading", i + 1, consents.size()));
			Paragraph text = new Paragraph(consent.text().in(getLocale()));
			text.addClassName("consent-text");
			Span version = new Span(getTranslation("request.consent.version", consent.version()));
			version.addClassName("help");
			TextField name = new TextField(getTranslation("request.consent.sign"));
			name.setHelperText(getTranslation("request.consent.sign.help"));
			name.setId("consent-" + consent.id());
			name.setMaxLength(120);
			name.setWidthFull();
			name.setRequiredIndicatorVisible(true);
			name.setManualValidation(true);
			name.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.OFF);
			this.signatures.put(consent.id(), name);
			box.add(heading, text, version, name);
			page.add(box);
		}
		return page;
	}

	private Div reviewPage() {
		Div page = page("request.step.review", "request.step.review.intro");
		this.review.setId("review");
		page.add(this.review);
		return page;
	}

	private Div page(String titleKey, String introKey) {
		Div page = new Div();
		page.addClassName("wizard-page");
		H2 title = new H2(getTranslation(titleKey));
		Paragraph intro = new Paragraph(getTranslation(introKey));
		intro.addClassName("help");
		page.add(title, intro);
		return page;
	}

	private TextArea textArea(String id, String labelKey, String helpKey) {
		TextArea area = new TextArea(getTranslation(labelKey));
		area.setHelperText(getTranslation(helpKey));
		area.setId(id);
		area.setWidthFull();
		area.setMinHeight("6rem");
		area.setMaxLength(MAX_TEXT);
		area.setManualValidation(true);
		area.setValueChangeMode(ValueChangeMode.TIMEOUT);
		area.setValueChangeTimeout(AUTOSAVE_PAUSE_MS);
		area.addValueChangeListener((event) -> {
			if (event.isFromClient()) {
				changed();
			}
		});
		return area;
	}

	private TextArea addQuestionField(String text) {
		TextArea field = new TextArea();
		field.setWidthFull();
		field.setMaxLength(MAX_TEXT);
		field.setManualValidation(true);
		field.setValueChangeMode(ValueChangeMode.TIMEOUT);
		field.setValueChangeTimeout(AUTOSAVE_PAUSE_MS);
		field.setValue(text);
		field.addValueChangeListener((event) -> {
			if (event.isFromClient()) {
				changed();
			}
		});
		Button remove = new Button(VaadinIcon.CLOSE_SMALL.create());
		remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
		HorizontalLayout row = new HorizontalLayout(field, remove);
		row.setWidthFull();
		row.setAlignItems(FlexComponent.Alignment.BASELINE);
		remove.addClickListener((event) -> {
			this.questionFields.remove(field);
			this.questions.remove(row);
			renumberQuestions();
			changed();
		});
		this.questionFields.add(field);
		this.questions.add(row);
		renumberQuestions();
		return field;
	}

	private void renumberQuestions() {
		for (int i = 0; i < this.questionFields.size(); i++) {
			TextArea field = this.questionFields.get(i);
			field.setId("question-" + (i + 1));
			field.setLabel(getTranslation("request.question", i + 1));
			field.getParent()
				.ifPresent(
						(row) -> ((HorizontalLayout) row).getComponentAt(1).setVisible(this.questionFields.size() > 1));
		}
		this.addQuestion.setEnabled(this.questionFields.size() < MAX_QUESTIONS);
	}

	private void specialtyChanged() {
		rebuildIntake(Map.of());
		SpecialistCard chosen = this.specialist.getValue();
		if (chosen != null && !chosen.specialties().contains(this.specialty.getValue())) {
			this.specialist.clear();
		}
		this.specialist.getDataProvider().refreshAll();
		changed();
	}

	private void rebuildIntake(Map<String, String> answers) {
		this.intake.removeAll();
		this.intakeInputs.clear();
		List<IntakeQuestion> extra = this.tenant.workflow().questionsFor(this.specialty.getValue());
		if (extra.isEmpty()) {
			return;
		}
		this.intake.add(new H3(getTranslation("request.intake")));
		for (IntakeQuestion question : extra) {
			IntakeInput input = IntakeInput.of(question, getLocale(), this.tenant.defaultLocale(), this::changed);
			input.set(answers.get(question.id()));
			this.intakeInputs.add(input);
			this.intake.add(input.component());
		}
	}

	private void load(CaseDetails details) {
		this.loading = true;
		try {
			this.caseId = details.id();
			this.reference = details.reference();
			CaseRequest request = details.request();
			this.specialty.setValue(request.specialty());
			this.questions.removeAll();
			this.questionFields.clear();
			if (request.questions().isEmpty()) {
				addQuestionField("");
			}
			request.questions().forEach(this::addQuestionField);
			rebuildIntake(request.intakeAnswers());
			this.symptoms.setValue(orEmpty(request.symptoms()));
			this.history.setValue(orEmpty(request.history()));
			this.medications.setValue(orEmpty(request.medications()));
			this.allergies.setValue(orEmpty(request.allergies()));
			this.priorTreatment.setValue(orEmpty(request.priorTreatment()));
			this.specialist.setValue(requestedSpecialist(request).orElse(null));
			showReference();
			this.saved
				.setText(getTranslation("request.saved", CaseFormat.time(details.updatedAt(), zone(), getLocale())));
		}
		finally {
			this.loading = false;
		}
	}

	private Optional<SpecialistCard> requestedSpecialist(CaseRequest request) {
		return Optional.ofNullable(request.requestedSpecialist())
			.flatMap((id) -> this.directory.find(id, this.tenant.workflow().specialistPools()));
	}

	private CaseRequest request() {
		Map<String, String> answers = new LinkedHashMap<>();
		for (IntakeInput input : this.intakeInputs) {
			String value = input.value();
			if (value != null && !value.isBlank()) {
				answers.put(input.id(), value);
			}
		}
		SpecialistCard chosen = this.specialist.getValue();
		return new CaseRequest(this.specialty.getValue(), this.questionFields.stream().map(TextArea::getValue).toList(),
				answers, this.symptoms.getValue(), this.history.getValue(), this.medications.getValue(),
				this.allergies.getValue(), this.priorTreatment.getValue(), (chosen != null) ? chosen.id() : null);
	}

	/** Autosave: the draft as it is now, once a specialty makes it a case. */
	private void changed() {
		if (!this.loading) {
			save();
		}
	}

	private boolean save() {
		if (this.specialty.getValue() == null) {
			return false;
		}
		try {
			if (this.caseId == null) {
				CaseDetails opened = this.cases.openDraft(this.specialty.getValue(), "");
				this.caseId = opened.id();
				this.reference = opened.reference();
				showReference();
				getUI().ifPresent((ui) -> ui.getPage()
					.getHistory()
					.replaceState(null, "cases/" + this.reference.value() + "/request"));
			}
			CaseDetails stored = this.cases.saveDraft(this.caseId, request());
			this.saved
				.setText(getTranslation("request.saved", CaseFormat.time(stored.updatedAt(), zone(), getLocale())));
			this.saved.removeClassName("error");
			return true;
		}
		catch (CaseRequestProblems ex) {
			show(ex.problems());
			this.saved.setText(getTranslation("request.not-saved"));
			this.saved.addClassName("error");
			return false;
		}
		catch (OptimisticLockingFailureException ex) {
			this.saved.setText(getTranslation("request.changed-elsewhere"));
			this.saved.addClassName("error");
			return false;
		}
	}

	private void showReference() {
		this.referenceNote.setText(
				getTranslation((this.tenant.workflow().doctorParticipation() == Workflow.DoctorParticipation.SKIPPED)
						? "request.reference.no-doctor" : "request.reference", this.reference.value()));
		this.referenceNote.setVisible(true);
	}

	/** "Next": saves, then moves on only if this step's fields are fine. */
	private void forward() {
		if (this.step == REQUEST && this.specialty.getValue() == null) {
			show(Map.of("specialty", List.of("case.error.specialty")));
			return;
		}
		if (!save() && this.caseId == null) {
			return;
		}
		Map<String, List<String>> problems = this.cases.problems(this.caseId);
		if (this.step == CONSENTS) {
			problems = new LinkedHashMap<>(problems);
			problems.putAll(unsignedConsents());
		}
		show(problems);
		if (problems.keySet().stream().anyMatch((field) -> stepOf(field) == this.step)) {
			return;
		}
		go(this.step + 1);
	}

	private Map<String, List<String>> unsignedConsents() {
		Map<String, List<String>> problems = new LinkedHashMap<>();
		this.signatures.forEach((id, field) -> {
			if (field.getValue().strip().length() < 2) {
				problems.put("consent." + id, List.of("case.error.consent-required"));
			}
		});
		return problems;
	}

	private void go(int target) {
		if (target < 0 || target >= STEPS.size() || target == this.step) {
			return;
		}
		if (target > REQUEST && this.caseId == null) {
			show(Map.of("specialty", List.of("case.error.specialty")));
			return;
		}
		save();
		show(target);
	}

	private void show(int target) {
		this.step = target;
		for (int i = 0; i < this.pages.size(); i++) {
			this.pages.get(i).setVisible(i == target);
			Component item = this.stepper.getChildren().skip(i).findFirst().orElseThrow();
			item.getElement().getClassList().set("current", i == target);
			item.getElement().setAttribute("aria-current", (i == target) ? "step" : "false");
		}
		this.back.setEnabled(target > REQUEST);
		this.next.setVisible(target < REVIEW);
		this.submit.setVisible(target == REVIEW);
		if (target == REVIEW) {
			renderReview();
		}
	}

	private void renderReview() {
		this.review.removeAll();
		CaseRequest request = request();
		this.review
			.add(new RequestSummary(request, this.tenant, Optional.ofNullable(this.specialist.getValue()), this::go));
		Div consents = new Div();
		consents.addClassName("summary-section");
		consents.add(new H3(getTranslation("request.step.consents")));
		if (this.signatures.isEmpty()) {
			consents.add(new Paragraph(getTranslation("request.consents.none")));
		}
		this.signatures.forEach((id, field) -> {
			Paragraph line = new Paragraph(field.getValue().isBlank() ? getTranslation("request.consent.unsigned")
					: getTranslation("request.consent.signed-as", field.getValue().strip()));
			line.setId("review-consent-" + id);
			consents.add(line);
		});
		this.review.add(consents, payment(request.specialty()));
	}

	/**
	 * What the patient will pay and when, where the programme bills the patient. The card
	 * itself is saved through the payment page right after submission.
	 */
	private Div payment(String chosenSpecialty) {
		Div section = new Div();
		section.addClassName("summary-section");
		section.setId("review-payment");
		section.add(new H3(getTranslation("request.payment")));
		Billing billing = this.tenant.billing();
		if (!billing.payer().patientPays()) {
			section.add(new Paragraph(getTranslation(
					billing.payer().employerPays() ? "request.payment.employer" : "request.payment.free")));
			return section;
		}
		Money amount = (billing.payer() == Billing.Payer.COPAY_AND_EMPLOYER) ? billing.copay().orElseThrow()
				: billing.priceFor(chosenSpecialty);
		String when = billing.patientCharge()
			.map((charge) -> getTranslation("request.payment." + charge.name()))
			.orElse("");
		String key = (billing.payer() == Billing.Payer.COPAY_AND_EMPLOYER) ? "request.payment.copay"
				: "request.payment.price";
		section.add(new Paragraph(getTranslation(key, money(amount), when)));
		billing.processingFee()
			.ifPresent(
					(fee) -> section.add(new Paragraph(getTranslation("request.payment.processing-fee", money(fee)))));
		return section;
	}

	private String money(Money money) {
		NumberFormat format = NumberFormat.getCurrencyInstance(getLocale());
		format.setCurrency(money.currency());
		return format.format(money.amount());
	}

	private void submit() {
		try {
			if (!save()) {
				return;
			}
			List<ConsentSignature> signed = new ArrayList<>();
			this.signatures.forEach((id, field) -> signed.add(new ConsentSignature(id, field.getValue(), getLocale())));
			CaseDetails submitted = this.cases.submit(this.caseId, signed);
			Notification.show(getTranslation("request.submitted", submitted.reference().value()))
				.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
			// Where the patient pays, the next thing to do is to save the card.
			String next = "cases/" + submitted.reference().value()
					+ (this.tenant.billing().payer().patientPays() ? "/payment" : "");
			getUI().ifPresent((ui) -> ui.navigate(next));
		}
		catch (CaseRequestProblems ex) {
			if (ex.problems().containsKey(CaseRequestProblems.ELIGIBILITY)) {
				showEligibility(false);
				Notification.show(getTranslation("request.not-eligible"))
					.addThemeVariants(NotificationVariant.LUMO_ERROR);
				return;
			}
			show(ex.problems());
			int first = ex.problems().keySet().stream().mapToInt(CaseRequestView::stepOf).min().orElse(REVIEW);
			Notification.show(getTranslation("request.fix-first")).addThemeVariants(NotificationVariant.LUMO_ERROR);
			show(first);
		}
		finally {
			this.submit.setEnabled(true);
		}
	}

	/**
	 * A census programme's employee whom the census no longer lists is told so at the
	 * top; the draft stays, but the submission is refused.
	 */
	private void showEligibility(boolean eligible) {
		this.notEligible.setVisible(!eligible);
	}

	/** The step where a field of the request is edited. */
	static int stepOf(String field) {
		if (field.equals("specialty") || field.equals("questions") || field.startsWith("intake.")) {
			return REQUEST;
		}
		if (field.equals("requestedSpecialist")) {
			return SPECIALIST;
		}
		if (field.startsWith("consent.")) {
			return CONSENTS;
		}
		return HEALTH;
	}

	/** Each problem next to its field; every other field is cleared. */
	private void show(Map<String, List<String>> problems) {
		Map<String, HasValidation> fields = new LinkedHashMap<>();
		fields.put("specialty", this.specialty);
		if (!this.questionFields.isEmpty()) {
			fields.put("questions", this.questionFields.get(0));
			this.questionFields.forEach((field) -> field.setInvalid(false));
		}
		this.intakeInputs.forEach((input) -> fields.put("intake." + input.id(), input.validation()));
		fields.put("symptoms", this.symptoms);
		fields.put("history", this.history);
		fields.put("medications", this.medications);
		fields.put("allergies", this.allergies);
		fields.put("priorTreatment", this.priorTreatment);
		fields.put("requestedSpecialist", this.specialist);
		this.signatures.forEach((id, field) -> fields.put("consent." + id, field));
		fields.forEach((name, field) -> {
			List<String> keys = problems.getOrDefault(name, List.of());
			field.setInvalid(!keys.isEmpty());
			if (!keys.isEmpty()) {
				field.setErrorMessage(String.join(" ", keys.stream().map(this::getTranslation).toList()));
			}
		});
	}

	private ZoneId zone() {
		return this.tenant.branding().businessHours().timeZone();
	}

	private static String orEmpty(String text) {
		return (text != null) ? text : "";
	}

	@Override
	public String getPageTitle() {
		return getTranslation("request.title");
	}

}
