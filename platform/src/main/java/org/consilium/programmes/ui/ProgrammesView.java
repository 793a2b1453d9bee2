package org.consilium.programmes.ui;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.consilium.identity.Roles;
import org.consilium.programmes.NewProgramme;
import org.consilium.programmes.ProgrammeAdministration;
import org.consilium.programmes.ProgrammeAdministration.Problem;
import org.consilium.programmes.ProgrammeAdministration.Programme;
import org.consilium.shell.MainLayout;
import org.consilium.tenant.OperatorRoute;
import org.consilium.tenant.TenantId;

/**
 * Platform admins: every programme with its status and configuration version; a new
 * programme with its first admin (invited by e-mail); suspending (with a reason, after a
 * confirmation) and reactivating one.
 */
@Route(value = "operator/programmes", layout = MainLayout.class)
@RolesAllowed(Roles.PLATFORM_ADMIN)
@OperatorRoute
class ProgrammesView extends Div implements HasDynamicTitle {

	private static final List<String> LANGUAGES = List.of("en", "es");

	private final transient ProgrammeAdministration programmes;

	private final Grid<Programme> grid = new Grid<>();

	private final TextField slug = new TextField();

	private final TextField name = new TextField();

	private final TextField hosts = new TextField();

	private final CheckboxGroup<String> locales = new CheckboxGroup<>();

	private final TextField adminName = new TextField();

	private final EmailField adminEmail = new EmailField();

	private final Paragraph formProblem = new Paragraph();

	ProgrammesView(ProgrammeAdministration programmes) {
		this.programmes = programmes;
		addClassName("programmes-page");
		add(new H1(getTranslation("programmes.title")));
		this.grid.setId("programmes");
		this.grid.addColumn(Programme::slug).setHeader(getTranslation("programmes.slug")).setAutoWidth(true);
		this.grid.addColumn(Programme::displayName).setHeader(getTranslation("programmes.name")).setAutoWidth(true);
		this.grid.addColumn((programme) -> String.join(", ", programme.hosts()))
			.setHeader(getTranslation("programmes.hosts"));
		this.grid
			.addColumn((programme) -> getTranslation(
					programme.active() ? "programmes.status.active" : "programmes.status.suspended"))
			.setHeader(getTranslation("programmes.status"))
			.setKey("status");
		this.grid.addColumn(Programme::version).setHeader(getTranslation("programmes.version"));
		this.grid.addComponentColumn(this::statusButton).setKey("action");
		this.grid.setAllRowsVisible(true);
		Div list = new Div(this.grid);
		list.addClassName("card");
		add(list, newProgrammeForm());
		refresh();
	}

	private Button statusButton(Programme programme) {
		if (programme.active()) {
			Button suspend = new Button(getTranslation("programmes.suspend"), (event) -> confirmSuspend(programme));
			suspend.setId("suspend-" + programme.slug());
			suspend.addThemeVariants(ButtonVariant.LUMO_ERROR);
			return suspend;
		}
		Button reactivate = new Button(getTranslation("programmes.reactivate"), (event) -> {
			Map<String, List<Problem>> problems = this.programmes.reactivate(TenantId.of(programme.slug()));
			done(problems, "programmes.reactivated", programme);
		});
		reactivate.setId("reactivate-" + programme.slug());
		return reactivate;
	}

	private Div newProgrammeForm() {
		this.slug.setLabel(getTranslation("programmes.slug"));
		this.slug.setHelperText(getTranslation("programmes.slug.help"));
		this.slug.setId("new-slug");
		this.name.setLabel(getTranslation("programmes.name"));
		this.name.setId("new-name");
		this.hosts.setLabel(getTranslation("programmes.hosts"));
		this.hosts.setHelperText(getTranslation("programmes.hosts.help"));
		this.hosts.setId("new-hosts");
		this.locales.setLabel(getTranslation("programmes.locales"));
		this.locales.setItems(LANGUAGES);
		this.locales.setItemLabelGenerator((code) -> getTranslation("programmes.locale." + code));
		this.locales.setValue(java.util.Set.of("en"));
		this.locales.setId("new-locales");
		this.adminName.setLabel(getTranslation("programmes.admin-name"));
		this.adminName.setId("new-admin-name");
		this.adminEmail.setLabel(getTranslation("programmes.admin-email"));
		this.adminEmail.setHelperText(getTranslation("programmes.admin-email.help"));
		this.adminEmail.setId("new-admin-email");
		for (HasValidation field : fields().values()) {
			field.setManualValidation(true);
		}
		this.formProblem.setId("new-problem");
		this.formProblem.addClassName("error");
		this.formProblem.setVisible(false);
		Button create = new Button(getTranslation("programmes.create"), (event) -> create());
		create.setId("create-programme");
		create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		Div card = new Div(new H2(getTranslation("programmes.new.title")),
				new Paragraph(getTranslation("programmes.new.intro")), this.slug, this.name, this.hosts, this.locales,
				this.adminName, this.adminEmail, this.formProblem, create);
		card.addClassName("card");
		card.setId("new-programme");
		return card;
	}

	private void create() {
		List<String> hostNames = Arrays.stream(this.hosts.getValue().split("[,\\s]+"))
			.filter((host) -> !host.isBlank())
			.toList();
		List<String> languages = LANGUAGES.stream().filter(this.locales.getValue()::contains).toList();
		NewProgramme programme = new NewProgramme(this.slug.getValue(), this.name.getValue(), hostNames, languages,
				this.adminName.getValue(), this.adminEmail.getValue());
		Map<String, List<Problem>> problems = this.programmes.create(programme, getLocale());
		show(problems);
		if (problems.isEmpty()) {
			Notification
				.show(getTranslation("programmes.created", programme.displayName().strip(),
						programme.adminEmail().strip()))
				.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
			fields().values().forEach((field) -> ((com.vaadin.flow.component.HasValue<?, ?>) field).clear());
			this.locales.setValue(java.util.Set.of("en"));
			refresh();
		}
	}

	private void show(Map<String, List<Problem>> problems) {
		fields().forEach((field, component) -> {
			List<Problem> found = problems.get(field);
			component.setInvalid(found != null);
			component.setErrorMessage((found != null) ? text(found) : null);
		});
		List<Problem> general = problems.get(ProgrammeAdministration.FORM);
		this.formProblem.setVisible(general != null);
		this.formProblem.setText((general != null) ? text(general) : "");
	}

	private Map<String, HasValidation> fields() {
		Map<String, HasValidation> fields = new LinkedHashMap<>();
		fields.put(ProgrammeAdministration.SLUG, this.slug);
		fields.put(ProgrammeAdministration.NAME, this.name);
		fields.put(ProgrammeAdministration.HOSTS, this.hosts);
		fields.put(ProgrammeAdministration.LOCALES, this.locales);
		fields.put(ProgrammeAdministration.ADMIN_NAME, this.adminName);
		fields.put(ProgrammeAdministration.ADMIN_EMAIL, this.adminEmail);
		return fields;
	}

	private String text(List<Problem> problems) {
		return String.join(" ", problems.stream()
			.map((problem) -> getTranslation(problem.messageKey(), (problem.reason() != null) ? problem.reason() : ""))
			.toList());
	}

	private void confirmSuspend(Programme programme) {
		Dialog dialog = new Dialog();
		dialog.setHeaderTitle(getTranslation("programmes.suspend.title", programme.displayName()));
		TextArea reason = new TextArea(getTranslation("programmes.suspend.reason"));
		reason.setId("suspend-reason");
		reason.setManualValidation(true);
		reason.setMaxLength(500);
		reason.setWidthFull();
		dialog.add(new Paragraph(getTranslation("programmes.suspend.intro")), reason);
		Button confirm = new Button(getTranslation("programmes.suspend"), (event) -> {
			Map<String, List<Problem>> problems = this.programmes.suspend(TenantId.of(programme.slug()),
					reason.getValue());
			List<Problem> aboutReason = problems.get(ProgrammeAdministration.REASON);
			if (aboutReason != null) {
				reason.setErrorMessage(text(aboutReason));
				reason.setInvalid(true);
				return;
			}
			dialog.close();
			done(problems, "programmes.suspended", programme);
		});
		confirm.setId("suspend-confirm");
		confirm.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
		Button cancel = new Button(getTranslation("dialog.cancel"), (event) -> dialog.close());
		dialog.getFooter().add(cancel, confirm);
		dialog.open();
	}

	private void done(Map<String, List<Problem>> problems, String doneKey, Programme programme) {
		if (problems.isEmpty()) {
			Notification.show(getTranslation(doneKey, programme.displayName()))
				.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
		}
		else {
			Notification.show(text(problems.values().iterator().next()))
				.addThemeVariants(NotificationVariant.LUMO_ERROR);
		}
		refresh();
	}

	private void refresh() {
		this.grid.setItems(this.programmes.programmes());
	}

	@Override
	public String getPageTitle() {
		return getTranslation("programmes.title");
	}

}
