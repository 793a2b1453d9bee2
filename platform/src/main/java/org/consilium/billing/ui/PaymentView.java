package org.consilium.billing.ui;

import java.net.URI;
import java.util.List;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.consilium.billing.BillingProblem;
import org.consilium.billing.Payments;
import org.consilium.billing.Payments.BillState;
import org.consilium.billing.Payments.CaseBill;
import org.consilium.billing.Payments.Line;
import org.consilium.billing.Payments.LineKind;
import org.consilium.billing.Payments.LineState;
import org.consilium.cases.CaseNotFoundException;
import org.consilium.cases.CaseReference;
import org.consilium.identity.Roles;
import org.consilium.shell.MainLayout;
import org.consilium.tenant.SiteLinks;
import org.consilium.tenant.Tenants;
import org.consilium.tenantconfig.Billing;
import org.consilium.tenantconfig.TenantConfig;

/**
 * The patient's payment page for one of their cases: what the programme charges, the card
 * saved through Stripe-hosted Checkout, a charge that needs them, and receipts. It is
 * where the patient lands after submitting and what the "payment action needed" e-mail
 * links to. Without a payment provider it says so and offers nothing to click: nothing
 * here ever looks paid unless Stripe said it was.
 */
@Route(value = "cases/:reference/payment", layout = MainLayout.class)
@RolesAllowed(Roles.PATIENT)
class PaymentView extends Div implements BeforeEnterObserver, HasDynamicTitle {

	/** Stripe puts the Checkout session's id here on the way back. */
	static final String CHECKOUT_PARAMETER = "checkout";

	static final String CANCELLED = "cancelled";

	private final transient Payments payments;

	private final transient TenantConfig tenant;

	private String title = "";

	PaymentView(Payments payments, Tenants tenants) {
		this.payments = payments;
		this.tenant = tenants.current().config();
		addClassName("payment-page");
	}

	@Override
	public void beforeEnter(BeforeEnterEvent event) {
		String parameter = event.getRouteParameters().get("reference").orElse("");
		String checkout = event.getLocation()
			.getQueryParameters()
			.getParameters()
			.getOrDefault(CHECKOUT_PARAMETER, List.of())
			.stream()
			.findFirst()
			.orElse(null);
		removeAll();
		CaseBill bill;
		String returned = null;
		try {
			CaseReference reference = CaseReference.parse(parameter)
				.orElseThrow(() -> new CaseNotFoundException(parameter));
			this.title = getTranslation("payment.title", reference.value());
			bill = this.payments.bill(reference);
			if (CANCELLED.equals(checkout)) {
				returned = "payment.returned.cancelled";
			}
			else if (checkout != null && checkout.startsWith("cs_")) {
				CaseBill before = bill;
				bill = this.payments.returned(reference, checkout);
				returned = returnedKey(before, bill);
			}
		}
		catch (CaseNotFoundException ex) {
			event.rerouteToError(NotFoundException.class);
			return;
		}
		H1 heading = new H1(this.title);
		heading.setId("payment-heading");
		add(heading);
		if (returned != null) {
			Paragraph notice = new Paragraph(getTranslation(returned));
			notice.setId("payment-returned");
			notice.addClassName("notice");
			add(notice);
			// A reload should not thank the patient again; the page itself stays.
			UI.getCurrent().getPage().getHistory().replaceState(null, path(bill.reference()));
		}
		add(status(bill));
		if (bill.patientPays()) {
			if (bill.actionNeeded()) {
				add(actionNeeded(bill));
			}
			else if (bill.configured() && bill.state() != BillState.SETTLED && bill.state() != BillState.CANCELLED) {
				add(card(bill));
			}
		}
		if (bill.patientPays() || !bill.lines().isEmpty()) {
			add(new Receipts(bill, this.tenant.branding().businessHours().timeZone(), getLocale()));
		}
		Anchor back = new Anchor("cases/" + bill.reference().value(), getTranslation("payment.back"));
		back.setId("payment-back");
		add(back);
	}

	/**
	 * What coming back changed. The webhook may have been faster than the browser, so an
	 * unchanged bill that no longer needs anything counts as recorded.
	 */
	private static String returnedKey(CaseBill before, CaseBill after) {
		if (paid(after) > paid(before)) {
			return "payment.returned.paid";
		}
		if (after.cardSaved() && !before.cardSaved()) {
			return "payment.returned.card";
		}
		if (after.cardSaved() && !after.actionNeeded()) {
			return "payment.returned.recorded";
		}
		return "payment.returned.processing";
	}

	private static long paid(CaseBill bill) {
		return bill.lines().stream().filter((line) -> line.state() == LineState.PAID).count();
	}

	/** Where the bill stands and what the programme charges, and when. */
	private Div status(CaseBill bill) {
		Billing policy = this.tenant.billing();
		Paragraph status = new Paragraph(switch (policy.payer()) {
			case EMPLOYER -> getTranslation("payment.terms.employer");
			case FREE -> getTranslation("payment.terms.free");
			case PATIENT, COPAY_AND_EMPLOYER -> getTranslation("payment.status." + bill.state().name());
		});
		status.setId("payment-status");
		status.getElement().setAttribute("data-state", bill.state().name());
		Div card = new Div(new H2(getTranslation("payment.terms.title")), status);
		card.addClassName("card");
		card.setId("payment-status-card");
		if (!bill.patientPays()) {
			return card;
		}
		if (!bill.configured()) {
			Paragraph notice = new Paragraph(getTranslation("payment.not-configured"));
			notice.setId("payment-not-configured");
			notice.addClassName("notice");
			card.add(notice);
		}
		if (bill.lines().isEmpty()) {
			Div terms = new Div();
			terms.setId("payment-terms");
			if (policy.payer() == Billing.Payer.PATIENT) {
				terms.add(new Paragraph(
						getTranslation("payment.terms.patient", Amounts.format(bill.dueOnCompletion(), getLocale()))));
			}
			else {
				terms.add(new Paragraph(getTranslation("payment.terms.copay",
						Amounts.format(policy.copay().orElseThrow(), getLocale()))));
			}
			policy.processingFee()
				.ifPresent((fee) -> terms.add(new Paragraph(
						getTranslation("payment.terms.processing-fee", Amounts.format(fee, getLocale())))));
			card.add(terms);
		}
		else {
			UnorderedList lines = new UnorderedList();
			lines.setId("payment-terms");
			for (Line line : bill.lines()) {
				lines.add(new ListItem(getTranslation("payment.line", getTranslation("payment.kind." + line.kind()),
						Amounts.format(line.amount(), getLocale()),
						getTranslation("payment.line-state." + line.state()))));
			}
			card.add(new Paragraph(getTranslation("payment.terms.lines")), lines);
			boolean completionCharged = bill.lines()
				.stream()
				.anyMatch((line) -> line.kind() == LineKind.CASE_PRICE || line.kind() == LineKind.COPAY);
			if (!completionCharged && !bill.dueOnCompletion().isZero()) {
				Paragraph next = new Paragraph(getTranslation("payment.terms.on-completion",
						Amounts.format(bill.dueOnCompletion(), getLocale())));
				next.setId("payment-on-completion");
				card.add(next);
			}
		}
		return card;
	}

	/**
	 * A charge Stripe could not make without the patient: why, in plain words, and a way
	 * to pay.
	 */
	private Div actionNeeded(CaseBill bill) {
		Div card = new Div(new H2(getTranslation("payment.action.title")));
		card.addClassNames("card", "notice");
		card.setId("payment-action-needed");
		card.getElement().setAttribute("role", "alert");
		bill.lines().stream().filter((line) -> line.state() == LineState.ACTION_NEEDED).forEach((line) -> {
			Paragraph why = new Paragraph(getTranslation("payment.action." + reason(line.failure())));
			why.addClassName("payment-action-reason");
			card.add(why, new Paragraph(getTranslation("payment.action.amount",
					Amounts.format(line.amount(), getLocale()), getTranslation("payment.kind." + line.kind()))));
		});
		card.add(checkoutButton(bill.reference(), "pay-now", "payment.action.pay"));
		return card;
	}

	/** The failure codes we can explain; anything else gets the general sentence. */
	static String reason(String failure) {
		if (failure == null) {
			return "generic";
		}
		return switch (failure) {
			case "card_declined", "expired_card", "insufficient_funds" -> "card_declined";
			case "authentication_required", "requires_action" -> "authentication_required";
			case "no_saved_card" -> "no_saved_card";
			default -> "generic";
		};
	}

	/** The card kept at Stripe for the payment on completion. */
	private Div card(CaseBill bill) {
		Div card = new Div(new H2(getTranslation("payment.card.title")));
		card.addClassName("card");
		card.setId("payment-card");
		if (bill.cardSaved()) {
			Paragraph saved = new Paragraph(getTranslation("payment.card.saved"));
			saved.setId("card-saved");
			card.add(saved);
			return card;
		}
		card.add(new Paragraph(getTranslation("payment.card.text")),
				checkoutButton(bill.reference(), "save-card", "payment.card.save"));
		return card;
	}

	/**
	 * A button that sends the browser to Stripe Checkout; a refusal is shown next to it.
	 */
	private Div checkoutButton(CaseReference reference, String id, String labelKey) {
		Paragraph error = new Paragraph();
		error.setId(id + "-error");
		error.addClassName("error-text");
		error.setVisible(false);
		Button button = new Button(getTranslation(labelKey));
		button.setId(id);
		button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		button.setDisableOnClick(true);
		button.addClickListener((event) -> {
			try {
				String page = path(reference);
				URI checkout = this.payments.checkout(reference,
						SiteLinks.to(page + "?" + CHECKOUT_PARAMETER + "={CHECKOUT_SESSION_ID}"),
						SiteLinks.to(page + "?" + CHECKOUT_PARAMETER + "=" + CANCELLED));
				UI.getCurrent().getPage().setLocation(checkout.toString());
			}
			catch (BillingProblem ex) {
				error.setText(getTranslation(ex.messageKey()));
				error.setVisible(true);
				button.setEnabled(true);
			}
		});
		Div wrapper = new Div(button, error);
		wrapper.addClassName("payment-action");
		return wrapper;
	}

	private static String path(CaseReference reference) {
		return "cases/" + reference.value() + "/payment";
	}

	@Override
	public String getPageTitle() {
		return this.title;
	}

}
