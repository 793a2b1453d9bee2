package org.consilium.shell.ui;

import java.util.Map;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.consilium.audit.AuditVerification;
import org.consilium.identity.CurrentUser;
import org.consilium.shell.MainLayout;
import org.consilium.shell.internal.OperatorActions;
import org.consilium.tenant.OperatorRoute;
import org.consilium.tenant.Tenant;
import org.consilium.tenant.TenantId;
import org.consilium.tenant.TenantSyncReport;
import org.consilium.tenant.Tenants;
import org.consilium.tenantconfig.Role;

/**
 * The operator site's front page: the programmes this installation runs and, for platform
 * admins, reloading tenant files and checking the audit chains.
 */
@Route(value = "operator", layout = MainLayout.class)
@AnonymousAllowed
@OperatorRoute
class OperatorHomeView extends Div implements HasDynamicTitle {

	private final transient Tenants tenants;

	private final transient OperatorActions actions;

	private final Grid<Tenant> programmes = new Grid<>();

	OperatorHomeView(Tenants tenants, OperatorActions actions) {
		this.tenants = tenants;
		this.actions = actions;
		Div hero = new Div(new H1(getTranslation("operator.name")), new Paragraph(getTranslation("operator.intro")));
		hero.addClassName("hero");
		add(hero);
		if (CurrentUser.find().isEmpty()) {
			Button signIn = new Button(getTranslation("nav.sign-in"),
					(event) -> getUI().ifPresent((ui) -> ui.navigate("login")));
			signIn.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
			hero.add(signIn);
		}
		this.programmes.addColumn((tenant) -> tenant.config().displayName())
			.setHeader(getTranslation("operator.programme"));
		this.programmes.addColumn((tenant) -> tenant.id().value()).setHeader(getTranslation("operator.slug"));
		this.programmes.addColumn((tenant) -> String.join(", ", tenant.config().hosts()))
			.setHeader(getTranslation("operator.hosts"));
		this.programmes.addColumn(Tenant::version).setHeader(getTranslation("operator.version"));
		this.programmes.addColumn((tenant) -> getTranslation("operator.status." + tenant.status().name()))
			.setHeader(getTranslation("operator.status"));
		this.programmes.setAllRowsVisible(true);
		this.programmes.setItems(tenants.all());
		Div card = new Div(new H2(getTranslation("operator.programmes")), this.programmes);
		card.addClassName("card");
		card.getStyle().set("margin-top", "var(--lumo-space-l)");
		add(card);
		if (CurrentUser.find().map((user) -> user.has(Role.PLATFORM_ADMIN)).orElse(false)) {
			Button reload = new Button(getTranslation("operator.reload"), (event) -> reload());
			reload.setId("reload-tenants");
			Button verify = new Button(getTranslation("operator.verify-audit"), (event) -> verifyAudit());
			verify.setId("verify-audit");
			Button messages = new Button(getTranslation("nav.outbox"),
					(event) -> getUI().ifPresent((ui) -> ui.navigate("operator/messages")));
			messages.setId("failed-messages-link");
			Button specialists = new Button(getTranslation("nav.specialists"),
					(event) -> getUI().ifPresent((ui) -> ui.navigate("operator/specialists")));
			specialists.setId("specialists-link");
			card.add(new Div(reload, verify, messages, specialists));
		}
	}

	private void reload() {
		TenantSyncReport report = this.actions.reloadTenants();
		if (report.applied()) {
			Notification
				.show(getTranslation("operator.reload.done", report.created().size(), report.updated().size(),
						report.unchanged().size()))
				.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
			this.programmes.setItems(this.tenants.all());
		}
		else {
			Notification notification = Notification.show(
					getTranslation("operator.reload.invalid", String.join("\n", report.problems())), 15000,
					Notification.Position.MIDDLE);
			notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
		}
	}

	private void verifyAudit() {
		Map<TenantId, AuditVerification> results = this.actions.verifyAuditChains();
		long broken = results.values().stream().filter((result) -> !result.intact()).count();
		Notification notification = Notification
			.show(getTranslation((broken == 0) ? "operator.verify-audit.intact" : "operator.verify-audit.broken",
					results.size(), broken));
		notification
			.addThemeVariants((broken == 0) ? NotificationVariant.LUMO_SUCCESS : NotificationVariant.LUMO_ERROR);
	}

	@Override
	public String getPageTitle() {
		return getTranslation("operator.name");
	}

}
