package org.consilium.billing.ui;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.consilium.billing.Billing;
import org.consilium.billing.Billing.AwaitingPayment;
import org.consilium.billing.BillingProblem;
import org.consilium.cases.CaseReference;
import org.consilium.identity.Roles;
import org.consilium.shell.MainLayout;
import org.consilium.tenant.OperatorRoute;
import org.consilium.tenant.Tenant;
import org.consilium.tenant.Tenants;

/**
 * Platform admins: published cases waiting for payment in every programme. Without a
 * payment provider nothing is charged; the page says so, and an admin records a
 * settlement made elsewhere, with a reason, which lets the case close. With Stripe the
 * charges are made automatically, and settling by hand is only for money received outside
 * Stripe (it cancels the case's open charges).
 */
@Route(value = "operator/billing", layout = MainLayout.class)
@RolesAllowed(Roles.PLATFORM_ADMIN)
@OperatorRoute
class BillingView extends Div implements HasDynamicTitle {

	private final transient Billing billing;

	private final Grid<AwaitingPayment> grid = new Grid<>();

	private final Paragraph empty = new Paragraph();

	BillingView(Billing billing, Tenants tenants) {
		this.billing = billing;
		addClassName("billing-page");
		add(new H1(getTranslation("billing.title")));
		Paragraph provider = new Paragraph(getTranslation(
				billing.providerConfigured() ? "billing.provider.configured" : "billing.provider.not-configured"));
		provider.setId("billing-provider");
		provider.addClassName("notice");
		this.grid.setId("awaiting-payment");
		this.grid.addColumn(AwaitingPayment::programme)
			.setHeader(getTranslation("billing.programme"))
			.setAutoWidth(true);
		this.grid.addColumn((item) -> item.reference().value())
			.setHeader(getTranslation("billing.reference"))
			.setAutoWidth(true);
		this.grid.addColumn((item) -> item.amount().toString()).setHeader(getTranslation("billing.amount"));
		this.grid.addColumn((item) -> getTranslation("billing.payer." + item.payer()))
			.setHeader(getTranslation("billing.payer"));
		this.grid.addColumn((item) -> getTranslation("billing.state." + item.state()))
			.setHeader(getTranslation("billing.state"))
			.setKey("state");
		this.grid
			.addColumn((item) -> DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
				.withLocale(getLocale())
				.format(item.since().atZone(ZoneOffset.UTC)))
			.setHeader(getTranslation("billing.since"));
		this.grid.addComponentColumn((item) -> {
			Button settle = new Button(getTranslation("billing.settle"), (event) -> settle(item));
			settle.setId("settle-" + item.reference().value());
			return settle;
		}).setKey("settle");
		this.grid.setAllRowsVisible(true);
		this.empty.setText(getTranslation("billing.empty"));
		this.empty.setId("billing-empty");
		Div card = new Div(provider, this.grid, this.empty);
		card.addClassName("card");
		add(card, cancellation(tenants));
		refresh();
	}

	/**
	 * Cancelling a case at the patient's or the company's request: what it then owes or
	 * gets back follows the programme's rules, shown before the admin confirms.
	 */
	private Div cancellation(Tenants tenants) {
		Select<Tenant> programme = new Select<>();
		programme.setId("cancel-programme");
		programme.setLabel(getTranslation("billing.cancel.programme"));
		programme.setItems(tenants.all());
		programme.setItemLabelGenerator((tenant) -> tenant.config().displayName());
		TextField reference = new TextField(getTranslation("billing.reference"));
		reference.setId("cancel-reference");
		reference.setManualValidation(true);
		TextArea reason = new TextArea(getTranslation("billing.cancel.reason"));
		reason.setId("cancel-reason");
		reason.setManualValidation(true);
		reason.setMaxLength(1_000);
		reason.setWidthFull();
		Paragraph rules = new Paragraph();
		rules.setId("cancel-rules");
		programme.addValueChangeListener((event) -> {
			var cancellation = event.getValue().config().billing().cancellation();
			rules.setText(getTranslation("billing.cancel.rules", cancellation.beforeReviewPercent(),
					cancellation.inReviewPercent(), cancellation.afterCompletionRefundPercent()));
		});
		programme.setValue(tenants.all().isEmpty() ? null : tenants.all().get(0));
		Button cancel = new Button(getTranslation("billing.cancel.button"), (event) -> {
			reference.setInvalid(false);
			reason.setInvalid(false);
			try {
				this.billing.cancelCase(programme.getValue().id(),
						new CaseReference(reference.getValue().strip().toUpperCase(java.util.Locale.ROOT)),
						reason.getValue());
				Notification.show(getTranslation("billing.cancel.done", reference.getValue().strip()))
					.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
				reference.clear();
				reason.clear();
				refresh();
			}
			catch (IllegalArgumentException ex) {
				reference.setErrorMessage(getTranslation("billing.error.no-such-case"));
				reference.setInvalid(true);
			}
			catch (BillingProblem ex) {
				boolean aboutReason = ex.messageKey().startsWith("billing.error.cancel-reason")
						|| ex.messageKey().equals("billing.error.reason-length");
				com.vaadin.flow.component.HasValidation field = aboutReason ? reason : reference;
				field.setErrorMessage(getTranslation(ex.messageKey()));
				field.setInvalid(true);
			}
		});
		cancel.setId("cancel-case");
		cancel.addThemeVariants(ButtonVariant.LUMO_ERROR);
		Div card = new Div(new H2(getTranslation("billing.cancel.title")),
				new Paragraph(getTranslation("billing.cancel.intro")), programme, reference, rules, reason, cancel);
		card.addClassName("card");
		card.setId("cancel-card");
		return card;
	}

	private void settle(AwaitingPayment item) {
		Dialog dialog = new Dialog();
		dialog.setHeaderTitle(getTranslation("billing.settle.title", item.reference().value()));
		TextArea reason = new TextArea(getTranslation("billing.settle.reason"));
		reason.setId("settle-reason");
		reason.setManualValidation(true);
		reason.setMaxLength(1_000);
		reason.setWidthFull();
		dialog.add(new Paragraph(getTranslation("billing.settle.intro")), reason);
		Button confirm = new Button(getTranslation("billing.settle"), (event) -> {
			try {
				this.billing.markSettled(item.tenant(), item.reference(), reason.getValue());
				dialog.close();
				Notification.show(getTranslation("billing.settled")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
				refresh();
			}
			catch (BillingProblem ex) {
				reason.setErrorMessage(getTranslation(ex.messageKey()));
				reason.setInvalid(true);
			}
		});
		confirm.setId("settle-confirm");
		confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		Button cancel = new Button(getTranslation("dialog.cancel"), (event) -> dialog.close());
		dialog.getFooter().add(cancel, confirm);
		dialog.open();
	}

	private void refresh() {
		var items = this.billing.awaitingPayment();
		this.grid.setItems(items);
		this.grid.setVisible(!items.isEmpty());
		this.empty.setVisible(items.isEmpty());
	}

	@Override
	public String getPageTitle() {
		return getTranslation("billing.title");
	}

}
