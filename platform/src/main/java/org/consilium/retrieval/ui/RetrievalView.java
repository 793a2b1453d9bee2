package org.consilium.retrieval.ui;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
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
import org.consilium.cases.CaseDetails;
import org.consilium.cases.CaseNotFoundException;
import org.consilium.cases.CaseReference;
import org.consilium.cases.CaseStatus;
import org.consilium.cases.Cases;
import org.consilium.identity.CurrentUser;
import org.consilium.identity.Roles;
import org.consilium.retrieval.Facility;
import org.consilium.retrieval.RecordKind;
import org.consilium.retrieval.RetrievalAuthorisation;
import org.consilium.retrieval.RetrievalProblems;
import org.consilium.retrieval.RetrievalRequest;
import org.consilium.retrieval.RetrievalRequests;
import org.consilium.retrieval.RetrievalStatus;
import org.consilium.shell.MainLayout;
import org.consilium.tenant.Tenants;
import org.consilium.tenantconfig.Role;
import org.consilium.tenantconfig.TenantConfig;

/**
 * A case's records-retrieval requests: the patient authorises one (facilities, records,
 * typed-name signature) and follows it; case coordinators record what the partner
 * reports. Where the programme has no retrieval partner, or the case is not the user's,
 * the page is "not found".
 */
@Route(value = "cases/:reference/retrieval", layout = MainLayout.class)
@RolesAllowed({ Roles.PATIENT, Roles.CASE_COORDINATOR, Roles.TENANT_ADMIN })
class RetrievalView extends Div implements BeforeEnterObserver, HasDynamicTitle {

	static final int MAX_FACILITIES = 5;

	private final transient Cases cases;

	private final transient RetrievalRequests retrieval;

	private final transient TenantConfig tenant;

	private final List<FacilityForm> facilities = new ArrayList<>();

	private final Map<String, HasValidation> fields = new LinkedHashMap<>();

	private CaseDetails details;

	private String title = "";

	RetrievalView(Cases cases, RetrievalRequests retrieval, Tenants tenants) {
		this.cases = cases;
		this.retrieval = retrieval;
		this.tenant = tenants.current().config();
		addClassName("retrieval-page");
	}

	@Override
	public void beforeEnter(BeforeEnterEvent event) {
		if (!this.retrieval.offered()) {
			event.rerouteToError(NotFoundException.class);
			return;
		}
		String parameter = event.getRouteParameters().get("reference").orElse("");
		try {
			this.details = CaseReference.parse(parameter)
				.map(this.cases::get)
				.orElseThrow(() -> new CaseNotFoundException(parameter));
		}
		catch (CaseNotFoundException ex) {
			event.rerouteToError(NotFoundException.class);
			return;
		}
		render();
	}

	private void render() {
		removeAll();
		this.facilities.clear();
		this.fields.clear();
		this.title = getTranslation("retrieval.title", this.details.reference().value());
		H1 heading = new H1(this.title);
		heading.setId("retrieval-title");
		add(heading, new Paragraph(getTranslation("retrieval.intro", this.tenant.displayName())));
		boolean patient = CurrentUser.find().map((user) -> user.has(Role.PATIENT)).orElse(false);
		boolean coordinator = CurrentUser.find().map((user) -> user.has(Role.CASE_COORDINATOR)).orElse(false);
		add(requests(this.retrieval.list(this.details.id()), coordinator));
		if (patient && this.details.status() != CaseStatus.DRAFT && this.details.status().isOpen()) {
			add(form());
		}
		add(new Anchor("cases/" + this.details.reference().value(), getTranslation("retrieval.back")));
	}

	private Div requests(List<RetrievalRequest> requests, boolean coordinator) {
		Div card = new Div(new H2(getTranslation("retrieval.requests")));
		card.addClassName("card");
		card.setId("retrieval-requests");
		if (requests.isEmpty()) {
			Paragraph none = new Paragraph(getTranslation("retrieval.requests.none"));
			none.setId("retrieval-none");
			card.add(none);
		}
		for (int i = 0; i < requests.size(); i++) {
			card.add(request(requests.get(i), i, coordinator));
		}
		return card;
	}

	private Div request(RetrievalRequest request, int index, boolean coordinator) {
		Div box = new Div();
		box.addClassName("retrieval-request");
		box.setId("retrieval-request-" + index);
		Span status = new Span(getTranslation("retrieval.status." + request.status().name()));
		status.setId("retrieval-status-" + index);
		status.getElement().setAttribute("data-status", request.status().name());
		status.addClassNames("status", "retrieval-status-" + request.status().name().toLowerCase());
		box.add(new Paragraph(new Span(getTranslation("retrieval.request.status") + ": "), status));
		if (request.statusNote() != null) {
			Paragraph note = new Paragraph(getTranslation("retrieval.request.note", request.statusNote()));
			note.setId("retrieval-note-" + index);
			box.add(note);
		}
		UnorderedList places = new UnorderedList();
		for (Facility facility : request.facilities()) {
			places.add(new ListItem(getTranslation("retrieval.request.facility", facility.name(), facility.address(),
					facility.phone(), dates(facility))));
		}
		box.add(places);
		List<String> kinds = request.kinds()
			.stream()
			.sorted()
			.map((kind) -> getTranslation("retrieval.kind." + kind.key()))
			.toList();
		if (!kinds.isEmpty()) {
			box.add(new Paragraph(getTranslation("retrieval.request.kinds", String.join(", ", kinds))));
		}
		if (request.details() != null) {
			box.add(new Paragraph(getTranslation("retrieval.request.details", request.details())));
		}
		box.add(new Paragraph(getTranslation("retrieval.request.signed", request.signedName(),
				DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
					.withLocale(getLocale())
					.format(request.signedAt().atZone(zone())))));
		if (coordinator && !request.status().isFinal()) {
			box.add(statusForm(request, index));
		}
		return box;
	}

	/** Staff record what the partner reported; nothing moves on by itself. */
	private Div statusForm(RetrievalRequest request, int index) {
		Select<RetrievalStatus> next = new Select<>();
		next.setLabel(getTranslation("retrieval.update.status"));
		next.setItems(request.status().next());
		next.setItemLabelGenerator((status) -> getTranslation("retrieval.status." + status.name()));
		next.setId("status-select-" + index);
		next.setManualValidation(true);
		TextArea note = new TextArea(getTranslation("retrieval.update.note"));
		note.setHelperText(getTranslation("retrieval.update.note.help"));
		note.setId("status-note-" + index);
		note.setMaxLength(500);
		note.setManualValidation(true);
		Button update = new Button(getTranslation("retrieval.update.submit"), (event) -> {
			next.setInvalid(false);
			note.setInvalid(false);
			try {
				this.retrieval.updateStatus(this.details.id(), request.id(), next.getValue(), note.getValue());
				Notification.show(getTranslation("retrieval.update.saved"));
				render();
			}
			catch (RetrievalProblems ex) {
				ex.problems().forEach((field, keys) -> {
					HasValidation target = "note".equals(field) ? note : next;
					target.setErrorMessage(translate(keys));
					target.setInvalid(true);
				});
			}
		});
		update.setId("status-update-" + index);
		Button resend = new Button(getTranslation("retrieval.resend"), (event) -> {
			this.retrieval.resendLetter(this.details.id(), request.id());
			Notification.show(getTranslation("retrieval.resent"));
		});
		resend.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
		resend.setId("resend-letter-" + index);
		Div form = new Div(next, note, update, resend);
		form.addClassName("retrieval-status-form");
		return form;
	}

	private Div form() {
		Div card = new Div(new H2(getTranslation("retrieval.new")),
				new Paragraph(getTranslation("retrieval.new.intro")));
		card.addClassName("card");
		card.setId("retrieval-form");
		Div facilityList = new Div();
		facilityList.setId("facility-list");
		Span facilitiesError = new Span();
		facilitiesError.setId("facilities-error");
		facilitiesError.addClassName("field-error");
		Button addFacility = new Button(getTranslation("retrieval.facility.add"));
		addFacility.setId("add-facility");
		addFacility.addClickListener((event) -> {
			addFacility(facilityList);
			addFacility.setEnabled(this.facilities.size() < MAX_FACILITIES);
		});
		addFacility(facilityList);
		CheckboxGroup<RecordKind> kinds = new CheckboxGroup<>(getTranslation("retrieval.kinds"));
		kinds.setItems(RecordKind.values());
		kinds.setItemLabelGenerator((kind) -> getTranslation("retrieval.kind." + kind.key()));
		kinds.setId("record-kinds");
		kinds.setManualValidation(true);
		TextArea details = new TextArea(getTranslation("retrieval.details"));
		details.setHelperText(getTranslation("retrieval.details.help"));
		details.setMaxLength(1000);
		details.setWidthFull();
		details.setId("record-details");
		details.setManualValidation(true);
		Paragraph authorisation = new Paragraph(
				getTranslation("retrieval.authorisation.text", this.tenant.displayName()));
		authorisation.addClassName("consent-text");
		authorisation.setId("authorisation-text");
		TextField signature = new TextField(getTranslation("retrieval.signature"));
		signature.setHelperText(getTranslation("retrieval.signature.help"));
		signature.setId("retrieval-signature");
		signature.setMaxLength(120);
		signature.setManualValidation(true);
		this.fields.put("kinds", kinds);
		this.fields.put("details", details);
		this.fields.put("signature", signature);
		Button submit = new Button(getTranslation("retrieval.submit"),
				(event) -> submit(kinds, details, signature, facilitiesError));
		submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		submit.setId("retrieval-submit");
		Div consent = new Div(new H2(getTranslation("retrieval.authorisation")), authorisation, signature);
		consent.addClassName("consent");
		card.add(facilityList, facilitiesError, addFacility, kinds, details, consent, submit);
		return card;
	}

	private void addFacility(Div list) {
		int index = this.facilities.size();
		FacilityForm form = new FacilityForm(index);
		this.facilities.add(form);
		form.fields().forEach((name, field) -> this.fields.put("facility." + index + "." + name, field));
		list.add(form);
	}

	private void submit(CheckboxGroup<RecordKind> kinds, TextArea details, TextField signature, Span facilitiesError) {
		this.fields.values().forEach((field) -> field.setInvalid(false));
		facilitiesError.setText("");
		RetrievalAuthorisation authorisation = new RetrievalAuthorisation(
				this.facilities.stream().map(FacilityForm::value).toList(), kinds.getValue(), details.getValue(),
				signature.getValue(), getLocale());
		try {
			this.retrieval.authorise(this.details.id(), authorisation);
		}
		catch (RetrievalProblems ex) {
			ex.problems().forEach((field, keys) -> {
				HasValidation target = this.fields.get(field);
				if (target != null) {
					target.setErrorMessage(translate(keys));
					target.setInvalid(true);
				}
				else {
					facilitiesError.setText(translate(keys));
				}
			});
			return;
		}
		Notification.show(getTranslation("retrieval.sent"));
		render();
	}

	private String translate(List<String> keys) {
		return String.join(" ", keys.stream().map(this::getTranslation).toList());
	}

	private String dates(Facility facility) {
		DateTimeFormatter format = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale());
		String from = (facility.careFrom() != null) ? format.format(facility.careFrom()) : "";
		return (facility.careTo() != null) ? getTranslation("retrieval.dates", from, format.format(facility.careTo()))
				: getTranslation("retrieval.dates.ongoing", from);
	}

	private ZoneId zone() {
		return this.tenant.branding().businessHours().timeZone();
	}

	@Override
	public String getPageTitle() {
		return this.title;
	}

}
