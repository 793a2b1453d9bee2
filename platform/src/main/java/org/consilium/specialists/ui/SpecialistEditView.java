package org.consilium.specialists.ui;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.consilium.identity.Roles;
import org.consilium.shell.MainLayout;
import org.consilium.specialists.SpecialistAdministration;
import org.consilium.specialists.SpecialistAdministration.Absence;
import org.consilium.specialists.SpecialistAdministration.Pool;
import org.consilium.specialists.SpecialistAdministration.SpecialistProfile;
import org.consilium.tenant.OperatorRoute;
import org.consilium.tenantconfig.Specialties;

/**
 * Platform admins: one specialist — who they are, what they practise, where they are
 * licensed, how many cases they take, which pools they are in — and their time away.
 * {@code operator/specialists/new} creates one.
 */
@Route(value = "operator/specialists/:id", layout = MainLayout.class)
@RolesAllowed(Roles.PLATFORM_ADMIN)
@OperatorRoute
class SpecialistEditView extends Div implements BeforeEnterObserver, HasDynamicTitle {

	private final transient SpecialistAdministration administration;

	private final TextField id = new TextField();

	private final TextField displayName = new TextField();

	private final TextField credentials = new TextField();

	private final TextField institution = new TextField();

	private final CheckboxGroup<String> specialties = new CheckboxGroup<>();

	private final TextField subSpecialties = new TextField();

	private final TextField languages = new TextField();

	private final TextField jurisdictions = new TextField();

	private final IntegerField maxActiveCases = new IntegerField();

	private final Checkbox active = new Checkbox();

	private final CheckboxGroup<String> pools = new CheckboxGroup<>();

	private final DatePicker startsOn = new DatePicker();

	private final DatePicker endsOn = new DatePicker();

	private final TextField note = new TextField();

	private final UnorderedList absences = new UnorderedList();

	private final Div absenceCard = new Div();

	private boolean creating;

	private String title;

	SpecialistEditView(SpecialistAdministration administration) {
		this.administration = administration;
	}

	@Override
	public void beforeEnter(BeforeEnterEvent event) {
		String requested = event.getRouteParameters().get("id").orElse("new");
		this.creating = "new".equals(requested);
		Optional<SpecialistProfile> profile = this.creating ? Optional.empty() : this.administration.get(requested);
		if (!this.creating && profile.isEmpty()) {
			throw new NotFoundException();
		}
		removeAll();
		this.title = this.creating ? getTranslation("specialists.new")
				: getTranslation("specialists.edit.title", profile.get().displayName());
		H1 heading = new H1(this.title);
		heading.setId("specialist-heading");
		add(heading, form(profile.orElse(null)));
		if (!this.creating) {
			add(signInCard(profile.get()));
			add(absenceCard(profile.get()));
		}
		add(new Anchor("operator/specialists", getTranslation("specialists.back")));
	}

	private Div form(SpecialistProfile profile) {
		field(this.id, "id", "specialists.id", "specialists.id.help");
		this.id.setReadOnly(!this.creating);
		field(this.displayName, "displayName", "specialists.name", null);
		field(this.credentials, "credentials", "specialists.credentials", "specialists.credentials.help");
		field(this.institution, "institution", "specialists.institution", null);
		this.specialties.setId("specialties");
		this.specialties.setLabel(getTranslation("specialists.specialties"));
		this.specialties.setItems(Specialties.CATALOG);
		this.specialties.setItemLabelGenerator((code) -> getTranslation("specialty." + code));
		this.specialties.setManualValidation(true);
		this.specialties.addClassName("specialty-choices");
		field(this.subSpecialties, "subSpecialties", "specialists.sub-specialties", "specialists.list.help");
		field(this.languages, "languages", "specialists.languages", "specialists.languages.help");
		field(this.jurisdictions, "jurisdictions", "specialists.jurisdictions", "specialists.jurisdictions.help");
		this.maxActiveCases.setId("maxActiveCases");
		this.maxActiveCases.setLabel(getTranslation("specialists.max-active"));
		this.maxActiveCases.setHelperText(getTranslation("specialists.max-active.help"));
		this.maxActiveCases.setMin(1);
		this.maxActiveCases.setMax(100);
		this.maxActiveCases.setStepButtonsVisible(true);
		this.maxActiveCases.setManualValidation(true);
		this.active.setId("active");
		this.active.setLabel(getTranslation("specialists.active"));
		this.pools.setId("specialist-pools");
		this.pools.setLabel(getTranslation("specialists.pools"));
		this.pools.setItems(this.administration.pools().stream().map(Pool::id).toList());
		this.pools.setItemLabelGenerator((poolId) -> this.administration.pools()
			.stream()
			.filter((pool) -> pool.id().equals(poolId))
			.map((pool) -> pool.displayName() + " (" + pool.id() + ")")
			.findFirst()
			.orElse(poolId));
		this.pools.setManualValidation(true);
		if (profile != null) {
			this.id.setValue(profile.id());
			this.displayName.setValue(profile.displayName());
			this.credentials.setValue(profile.credentials());
			this.institution.setValue(profile.institution());
			this.specialties.setValue(Set.copyOf(profile.specialties()));
			this.subSpecialties.setValue(String.join(", ", profile.subSpecialties()));
			this.languages.setValue(String.join(", ", profile.languages()));
			this.jurisdictions.setValue(String.join(", ", profile.jurisdictions()));
			this.maxActiveCases.setValue(profile.maxActiveCases());
			this.active.setValue(profile.active());
			this.pools.setValue(profile.pools());
		}
		else {
			this.maxActiveCases.setValue(10);
			this.active.setValue(true);
		}
		Button save = new Button(getTranslation("specialists.save"), (event) -> save());
		save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		save.setId("save-specialist");
		Div card = new Div(this.id, this.displayName, this.credentials, this.institution, this.specialties,
				this.subSpecialties, this.languages, this.jurisdictions, this.maxActiveCases, this.active, this.pools,
				save);
		card.addClassNames("card", "specialist-form");
		return card;
	}

	private void save() {
		Integer max = this.maxActiveCases.getValue();
		SpecialistProfile profile = new SpecialistProfile(this.id.getValue().strip(), this.displayName.getValue(),
				this.credentials.getValue(), this.institution.getValue(),
				List.copyOf(new java.util.TreeSet<>(this.specialties.getValue())), list(this.subSpecialties, false),
				list(this.languages, false).stream().map((code) -> code.toLowerCase(java.util.Locale.ROOT)).toList(),
				list(this.jurisdictions, false).stream()
					.map((code) -> code.toUpperCase(java.util.Locale.ROOT))
					.toList(),
				(max != null) ? max : 0, this.active.getValue(), this.pools.getValue(), List.of());
		Map<String, List<String>> problems = this.administration.save(profile);
		Problems.show(this, problems, fields());
		if (problems.isEmpty()) {
			Notification.show(getTranslation("specialists.saved")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
			getUI().ifPresent((ui) -> ui.navigate("operator/specialists/" + profile.id()));
		}
	}

	private Map<String, HasValidation> fields() {
		Map<String, HasValidation> fields = new LinkedHashMap<>();
		fields.put("id", this.id);
		fields.put("displayName", this.displayName);
		fields.put("credentials", this.credentials);
		fields.put("institution", this.institution);
		fields.put("specialties", this.specialties);
		fields.put("subSpecialties", this.subSpecialties);
		fields.put("languages", this.languages);
		fields.put("jurisdictions", this.jurisdictions);
		fields.put("maxActiveCases", this.maxActiveCases);
		fields.put("pools", this.pools);
		return fields;
	}

	/** Only a specialist who can sign in can be assigned cases. */
	private Div signInCard(SpecialistProfile profile) {
		var accounts = this.administration.signInAccounts();
		com.vaadin.flow.component.combobox.ComboBox<SpecialistAdministration.SignInAccount> account = new com.vaadin.flow.component.combobox.ComboBox<>();
		account.setId("sign-in-account");
		account.setLabel(getTranslation("specialists.sign-in"));
		account.setHelperText(getTranslation("specialists.sign-in.help"));
		account.setItems(accounts);
		account
			.setItemLabelGenerator((a) -> (a.linkedSpecialist() != null && !a.linkedSpecialist().equals(profile.id()))
					? getTranslation("specialists.sign-in.item.linked", a.displayName(), a.email(),
							a.linkedSpecialist())
					: getTranslation("specialists.sign-in.item", a.displayName(), a.email()));
		account.setClearButtonVisible(true);
		account.setManualValidation(true);
		accounts.stream()
			.filter((a) -> profile.id().equals(a.linkedSpecialist()))
			.findFirst()
			.ifPresent(account::setValue);
		Button link = new Button(getTranslation("specialists.sign-in.save"), (event) -> {
			this.administration.linkAccount(profile.id(),
					(account.getValue() != null) ? account.getValue().accountId() : null);
			Notification.show(getTranslation("specialists.sign-in.saved"))
				.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
		});
		link.setId("save-sign-in");
		Div card = new Div(new H2(getTranslation("specialists.sign-in.title")), account, link);
		card.addClassName("card");
		card.setId("sign-in");
		return card;
	}

	private Div absenceCard(SpecialistProfile profile) {
		this.absenceCard.removeAll();
		this.absenceCard.addClassName("card");
		this.absenceCard.setId("absences");
		this.absenceCard.add(new H2(getTranslation("specialists.absences")),
				new Paragraph(getTranslation("specialists.absences.intro")));
		this.absences.removeAll();
		this.absences.setId("absence-list");
		for (Absence absence : profile.absences()) {
			Button remove = new Button(getTranslation("specialists.absence.remove"), (event) -> {
				this.administration.removeAbsence(profile.id(), absence.id());
				refreshAbsences(profile.id());
			});
			remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
			this.absences.add(new ListItem(new Span(getTranslation("specialists.absence", absence.startsOn(),
					absence.endsOn(), (absence.note() != null) ? absence.note() : "")), remove));
		}
		if (profile.absences().isEmpty()) {
			this.absences.add(new ListItem(getTranslation("specialists.absences.none")));
		}
		this.startsOn.setId("absence-start");
		this.startsOn.setLabel(getTranslation("specialists.absence.start"));
		this.startsOn.setManualValidation(true);
		this.endsOn.setId("absence-end");
		this.endsOn.setLabel(getTranslation("specialists.absence.end"));
		this.endsOn.setManualValidation(true);
		this.note.setId("absence-note");
		this.note.setLabel(getTranslation("specialists.absence.note"));
		this.note.setManualValidation(true);
		Button addAbsence = new Button(getTranslation("specialists.absence.add"), (event) -> {
			Map<String, List<String>> problems = this.administration.addAbsence(profile.id(), this.startsOn.getValue(),
					this.endsOn.getValue(), this.note.getValue());
			Problems.show(this, problems, Map.of("startsOn", this.startsOn, "endsOn", this.endsOn, "note", this.note));
			if (problems.isEmpty()) {
				this.startsOn.clear();
				this.endsOn.clear();
				this.note.clear();
				refreshAbsences(profile.id());
			}
		});
		addAbsence.setId("add-absence");
		Div form = new Div(this.startsOn, this.endsOn, this.note, addAbsence);
		form.addClassName("absence-form");
		this.absenceCard.add(this.absences, form);
		return this.absenceCard;
	}

	private void refreshAbsences(String specialistId) {
		this.administration.get(specialistId).ifPresent(this::absenceCard);
	}

	private void field(TextField field, String id, String labelKey, String helpKey) {
		field.setId(id);
		field.setLabel(getTranslation(labelKey));
		if (helpKey != null) {
			field.setHelperText(getTranslation(helpKey));
		}
		field.setManualValidation(true);
		field.setWidthFull();
	}

	/** "a, b ,c" → [a, b, c] */
	private static List<String> list(TextField field, boolean keepEmpty) {
		return Arrays.stream(field.getValue().split(","))
			.map(String::strip)
			.filter((value) -> keepEmpty || !value.isEmpty())
			.toList();
	}

	@Override
	public String getPageTitle() {
		return this.title;
	}

}
