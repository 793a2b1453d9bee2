package org.consilium.billing.ui;

import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.consilium.billing.ProgrammePayments;
import org.consilium.billing.ProgrammePayments.CaseBillSummary;
import org.consilium.billing.ProgrammePayments.ChargeLine;
import org.consilium.billing.ProgrammePayments.EmployerInvoice;
import org.consilium.identity.Roles;
import org.consilium.shell.MainLayout;
import org.consilium.tenant.Tenants;
import org.consilium.tenantconfig.Billing;

/**
 * A programme's payments, for its tenant admins, on its own site only (no
 * {@code @OperatorRoute}): each completed case's bill with its charges, and the
 * employer's invoices with a link to Stripe's copy. Amounts and references, no clinical
 * content.
 */
@Route(value = "admin/payments", layout = MainLayout.class)
@RolesAllowed(Roles.TENANT_ADMIN)
class ProgrammePaymentsView extends Div implements HasDynamicTitle {

	/** Bills shown; the newest first. */
	static final int BILLS = 200;

	private static final Set<String> BILL_STATES = Set.of("AWAITING_PAYMENT", "PAYMENT_ACTION_NEEDED", "SETTLED",
			"CANCELLED");

	private static final Set<String> CHARGE_KINDS = Set.of("PROCESSING_FEE", "CASE_PRICE", "COPAY", "EMPLOYER",
			"REFUND");

	private static final Set<String> CHARGE_STATES = Set.of("PENDING", "ACTION_NEEDED", "SUCCEEDED", "CANCELLED");

	private static final Set<String> INVOICE_STATES = Set.of("CREATING", "OPEN", "PAID", "VOID");

	private final ZoneId zone;

	ProgrammePaymentsView(ProgrammePayments payments, Tenants tenants) {
		var config = tenants.current().config();
		this.zone = config.branding().businessHours().timeZone();
		addClassName("payments-page");
		Paragraph provider = new Paragraph(getTranslation(
				payments.providerConfigured() ? "payments.provider.configured" : "payments.provider.not-configured"));
		provider.setId("payments-provider");
		provider.addClassName("notice");
		add(new H1(getTranslation("payments.title")), provider, bills(payments.bills(BILLS)),
				invoices(payments.invoices(), config.billing().payer()));
	}

	private Div bills(List<CaseBillSummary> bills) {
		Grid<CaseBillSummary> grid = new Grid<>();
		grid.setId("payments-bills");
		grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
		grid.addColumn((bill) -> bill.reference().value())
			.setHeader(getTranslation("payments.bills.reference"))
			.setAutoWidth(true)
			.setFlexGrow(0);
		grid.addColumn((bill) -> Amounts.date(bill.completedAt(), this.zone, getLocale()))
			.setHeader(getTranslation("payments.bills.completed"))
			.setAutoWidth(true)
			.setFlexGrow(0);
		grid.addColumn((bill) -> label("payments.bill-state.", BILL_STATES, bill.state()))
			.setHeader(getTranslation("payments.bills.state"))
			.setAutoWidth(true)
			.setFlexGrow(0);
		grid.addColumn((bill) -> Amounts.format(bill.total(), getLocale()))
			.setHeader(getTranslation("payments.bills.total"))
			.setTextAlign(ColumnTextAlign.END)
			.setAutoWidth(true)
			.setFlexGrow(0);
		grid.addColumn(this::charges).setHeader(getTranslation("payments.bills.charges")).setFlexGrow(1);
		grid.setItems(bills);
		grid.setAllRowsVisible(true);
		grid.setVisible(!bills.isEmpty());
		Paragraph empty = new Paragraph(getTranslation("payments.bills.empty"));
		empty.setId("payments-bills-empty");
		empty.setVisible(bills.isEmpty());
		Div card = new Div(new H2(getTranslation("payments.bills.title")), grid, empty);
		card.addClassName("card");
		return card;
	}

	/** The bill's charges in one line each: what, how much, where it stands. */
	private String charges(CaseBillSummary bill) {
		if (bill.charges().isEmpty()) {
			return getTranslation("payments.charges.none");
		}
		return bill.charges().stream().map(this::charge).collect(Collectors.joining("; "));
	}

	private String charge(ChargeLine line) {
		String kind = label("payments.charge-kind.", CHARGE_KINDS, line.kind());
		String amount = Amounts.format(line.amount(), getLocale());
		String state = label("payments.charge-state.", CHARGE_STATES, line.state());
		return (line.invoiceNumber() != null)
				? getTranslation("payments.charge.invoiced", kind, amount, state, line.invoiceNumber())
				: getTranslation("payments.charge", kind, amount, state);
	}

	private Div invoices(List<EmployerInvoice> invoices, Billing.Payer payer) {
		Grid<EmployerInvoice> grid = new Grid<>();
		grid.setId("payments-invoices");
		grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
		grid.addColumn((invoice) -> (invoice.number() != null) ? invoice.number() : Amounts.NONE)
			.setHeader(getTranslation("payments.invoices.number"))
			.setAutoWidth(true);
		grid.addColumn((invoice) -> period(invoice.period()))
			.setHeader(getTranslation("payments.invoices.period"))
			.setAutoWidth(true);
		grid.addColumn((invoice) -> label("payments.invoice-status.", INVOICE_STATES, invoice.status()))
			.setHeader(getTranslation("payments.invoices.status"))
			.setAutoWidth(true);
		grid.addColumn((invoice) -> Amounts.format(invoice.total(), getLocale()))
			.setHeader(getTranslation("payments.invoices.total"))
			.setTextAlign(ColumnTextAlign.END)
			.setAutoWidth(true);
		grid.addColumn((invoice) -> Amounts.date(invoice.finalisedAt(), this.zone, getLocale()))
			.setHeader(getTranslation("payments.invoices.finalised"))
			.setAutoWidth(true);
		grid.addColumn((invoice) -> invoice.cases()
			.stream()
			.map((reference) -> reference.value())
			.collect(Collectors.joining(", "))).setHeader(getTranslation("payments.invoices.cases")).setFlexGrow(1);
		grid.addComponentColumn((invoice) -> {
			if (invoice.hostedUrl() == null) {
				return new Span();
			}
			Anchor link = new Anchor(invoice.hostedUrl(), getTranslation("payments.invoices.view"), AnchorTarget.BLANK);
			link.getElement().setAttribute("rel", "noopener noreferrer");
			return link;
		}).setKey("stripe").setAutoWidth(true);
		grid.setItems(invoices);
		grid.setAllRowsVisible(true);
		grid.setVisible(!invoices.isEmpty());
		Paragraph empty = new Paragraph(
				getTranslation(payer.employerPays() ? "payments.invoices.empty" : "payments.invoices.not-invoiced"));
		empty.setId("payments-invoices-empty");
		empty.setVisible(invoices.isEmpty());
		Div card = new Div(new H2(getTranslation("payments.invoices.title")), grid, empty);
		card.addClassName("card");
		return card;
	}

	/**
	 * A monthly invoice's period ({@code 2026-03}) as a month in the reader's language; a
	 * per-case one ({@code case-<reference>}) as the case.
	 */
	private String period(String period) {
		if (period.startsWith("case-")) {
			return getTranslation("payments.invoices.period.case", period.substring("case-".length()));
		}
		try {
			return DateTimeFormatter.ofPattern("LLLL yyyy", getLocale()).format(YearMonth.parse(period));
		}
		catch (DateTimeParseException ex) {
			return period;
		}
	}

	/** A code's translation, or the code itself if it is one this page does not know. */
	private String label(String prefix, Set<String> known, String code) {
		return known.contains(code) ? getTranslation(prefix + code) : code;
	}

	@Override
	public String getPageTitle() {
		return getTranslation("payments.title");
	}

}
