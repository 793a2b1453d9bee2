package org.consilium.console.ui;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.consilium.console.ConfigConsole;
import org.consilium.console.ConfigDraft;
import org.consilium.identity.Roles;
import org.consilium.shell.MainLayout;
import org.consilium.tenantconfig.Billing;
import org.consilium.tenantconfig.Money;
import org.consilium.tenantconfig.Specialties;
import org.consilium.tenantconfig.TenantConfig;
import org.consilium.tenantconfig.YamlEdit;

/**
 * Who pays, how much and when: the payer (its consequences said next to it), how the
 * patient is charged or the employer invoiced, the currency, the price book (a default
 * price and prices per specialty), copay, processing fee, re-read add-ons and what a
 * cancellation costs. Amounts are written as typed, so the tenant file's reader judges
 * them with its own messages. As preview, what patients are told it costs. A case keeps
 * the prices of the configuration version it was submitted under.
 */
@Route(value = "admin/console/billing", layout = MainLayout.class)
@RolesAllowed(Roles.TENANT_ADMIN)
class BillingEditorView extends ConsoleForm {

	private static final String PRICES = "billing.prices";

	private final RadioButtonGroup<String> payer = new RadioButtonGroup<>();

	private final Select<String> patientCharge = new Select<>();

	private final Select<String> invoicing = new Select<>();

	private final TextField currency = new TextField();

	private final Map<String, TextField> prices = new LinkedHashMap<>();

	private final Div priceRows = new Div();

	private final ComboBox<String> newSpecialty = new ComboBox<>();

	private final List<String> specialties;

	private final TextField copay = new TextField();

	private final TextField processingFee = new TextField();

	private final Map<Billing.Reread, TextField> addOns = new LinkedHashMap<>();

	private final Map<String, IntegerField> cancellation = new LinkedHashMap<>();

	private final Div previewBox = new Div();

	BillingEditorView(ConfigConsole console) {
		super(console, "billing");
		YamlEdit current = base().yaml();
		this.specialties = current.scalars("workflow.specialties");
		Div form = new Div(payer(current), charging(current), new H2(getTranslation("console.billing.price-book")),
				applies("prices"), amount(this.currency, "billing.currency", "currency", current), priceBook(current),
				amount(this.copay, "billing.copay", "copay", current),
				amount(this.processingFee, "billing.processingFee", "processingFee", current), addOns(current),
				cancellation(current));
		this.previewBox.setId("console-billing-preview");
		build(form, new Div(new H2(getTranslation("console.billing.preview")),
				new Paragraph(getTranslation("console.billing.preview-text")), this.previewBox));
	}

	@Override
	protected void apply(YamlEdit yaml) {
		yaml.set("billing.payer", this.payer.getValue())
			.set("billing.patientCharge", this.patientCharge.getValue())
			.set("billing.employerInvoicing", this.invoicing.getValue())
			.set("billing.currency", this.currency.getValue())
			.set("billing.copay", this.copay.getValue())
			.set("billing.processingFee", this.processingFee.getValue());
		for (String key : base().yaml().keys(PRICES)) {
			if (!this.prices.containsKey(key)) {
				yaml.remove(PRICES + "." + key);
			}
		}
		this.prices.forEach((key, field) -> yaml.set(PRICES + "." + key, field.getValue()));
		this.addOns.forEach((kind, field) -> yaml.set("billing.rereadAddOns." + kind.key(), field.getValue()));
		if (yaml.keys("billing.rereadAddOns").isEmpty()) {
			yaml.remove("billing.rereadAddOns");
		}
		if (this.cancellation.values().stream().allMatch((field) -> field.getValue() == null)) {
			yaml.remove("billing.cancellation");
		}
		else {
			this.cancellation.forEach((key, field) -> yaml.set("billing.cancellation." + key,
					(field.getValue() != null) ? String.valueOf(field.getValue()) : null));
		}
	}

	@Override
	protected void preview(TenantConfig candidate, ConfigDraft draft) {
		this.previewBox.removeAll();
		Billing billing = candidate.billing();
		String landing = switch (billing.payer()) {
			case PATIENT ->
				getTranslation("landing.cost.patient-on-completion", money(billing.priceFor(Billing.DEFAULT_PRICE)));
			case EMPLOYER -> getTranslation("landing.cost.employer");
			case COPAY_AND_EMPLOYER -> getTranslation("landing.cost.copay", money(billing.copay().orElseThrow()));
			case FREE -> getTranslation("landing.cost.free");
		};
		Paragraph landingText = new Paragraph(landing);
		landingText.setId("preview-cost");
		this.previewBox.add(new H3(getTranslation("console.billing.preview-landing")), landingText);
		billing.processingFee()
			.ifPresent((fee) -> this.previewBox
				.add(new Paragraph(getTranslation("landing.cost.processing-fee", money(fee)))));
		UnorderedList perSpecialty = new UnorderedList();
		perSpecialty.setId("preview-prices");
		for (String specialty : candidate.workflow().specialties()) {
			perSpecialty.add(new ListItem(getTranslation("console.billing.preview-specialty",
					getTranslation("specialty." + specialty), request(billing, specialty))));
		}
		this.previewBox.add(new H3(getTranslation("console.billing.preview-request")), perSpecialty);
		if (billing.payer() != Billing.Payer.FREE) {
			UnorderedList extras = new UnorderedList();
			billing.rereadAddOns()
				.forEach((kind, price) -> extras.add(new ListItem(getTranslation("console.billing.preview-reread",
						getTranslation("console.billing.reread." + kind.key()), money(price)))));
			Billing.Cancellation policy = billing.cancellation();
			extras.add(new ListItem(getTranslation("console.billing.preview-cancellation", policy.beforeReviewPercent(),
					policy.inReviewPercent(), policy.afterCompletionRefundPercent())));
			billing.employerInvoicing()
				.ifPresent((how) -> extras
					.add(new ListItem(getTranslation("console.billing.preview-invoicing." + how.name()))));
			extras.setId("preview-extras");
			this.previewBox.add(new H3(getTranslation("console.billing.preview-more")), extras);
		}
	}

	/** As the case request's review step says it. */
	private String request(Billing billing, String specialty) {
		if (!billing.payer().patientPays()) {
			return getTranslation(billing.payer().employerPays() ? "request.payment.employer" : "request.payment.free");
		}
		String when = billing.patientCharge()
			.map((charge) -> getTranslation("request.payment." + charge.name()))
			.orElse("");
		return (billing.payer() == Billing.Payer.COPAY_AND_EMPLOYER)
				? getTranslation("request.payment.copay", money(billing.copay().orElseThrow()), when)
				: getTranslation("request.payment.price", money(billing.priceFor(specialty)), when);
	}

	private Div payer(YamlEdit current) {
		this.payer.setLabel(getTranslation("console.billing.payer"));
		this.payer.setItems(java.util.Arrays.stream(Billing.Payer.values()).map(Enum::name).toList());
		this.payer.setItemLabelGenerator((value) -> getTranslation("console.billing.payer." + value));
		this.payer.setValue(current.scalar("billing.payer").orElse(null));
		this.payer.setHelperComponent(new Paragraph(getTranslation("console.billing.payer.help")));
		this.payer.setId("console-billing-payer");
		this.payer.addValueChangeListener((event) -> {
			// What the new payer needs: the patient's card on completion, no invoicing
			// when the employer pays nothing.
			Billing.Payer who = Billing.Payer.valueOf(event.getValue());
			this.patientCharge.setValue(who.patientPays() ? Billing.PatientCharge.ON_COMPLETION.name() : null);
			if (!who.employerPays()) {
				this.invoicing.setValue(null);
			}
			refresh();
		});
		bind("billing.payer", this.payer);
		Div box = new Div(this.payer, applies("payer"));
		box.addClassName("console-knob");
		return box;
	}

	private Div charging(YamlEdit current) {
		this.patientCharge.setLabel(getTranslation("console.billing.patientCharge"));
		this.patientCharge.setItems(java.util.Arrays.stream(Billing.PatientCharge.values()).map(Enum::name).toList());
		this.patientCharge.setEmptySelectionAllowed(true);
		this.patientCharge.setEmptySelectionCaption(getTranslation("console.billing.not-used"));
		this.patientCharge.setItemLabelGenerator((value) -> (value == null) ? getTranslation("console.billing.not-used")
				: getTranslation("console.billing.patientCharge." + value));
		this.patientCharge.setValue(current.scalar("billing.patientCharge").orElse(null));
		this.patientCharge.setHelperText(getTranslation("console.billing.patientCharge.help"));
		this.patientCharge.setId("console-billing-patientCharge");
		this.patientCharge.addValueChangeListener((event) -> refresh());
		bind("billing.patientCharge", this.patientCharge);
		this.invoicing.setLabel(getTranslation("console.billing.employerInvoicing"));
		this.invoicing.setItems(java.util.Arrays.stream(Billing.EmployerInvoicing.values()).map(Enum::name).toList());
		this.invoicing.setEmptySelectionAllowed(true);
		this.invoicing.setEmptySelectionCaption(getTranslation("console.billing.not-used"));
		this.invoicing.setItemLabelGenerator((value) -> (value == null) ? getTranslation("console.billing.not-used")
				: getTranslation("console.billing.employerInvoicing." + value));
		this.invoicing.setValue(current.scalar("billing.employerInvoicing").orElse(null));
		this.invoicing.setHelperText(getTranslation("console.billing.employerInvoicing.help"));
		this.invoicing.setId("console-billing-employerInvoicing");
		this.invoicing.addValueChangeListener((event) -> refresh());
		bind("billing.employerInvoicing", this.invoicing);
		Div box = new Div(this.patientCharge, this.invoicing);
		box.addClassName("console-knob");
		return box;
	}

	private Div amount(TextField field, String path, String key, YamlEdit current) {
		field.setLabel(getTranslation("console.billing." + key));
		field.setHelperText(getTranslation("console.billing." + key + ".help"));
		field.setValue(current.scalar(path).orElse(""));
		field.setId("console-" + path.replace('.', '-'));
		field.addValueChangeListener((event) -> refresh());
		bind(path, field);
		return new Div(field);
	}

	private Div priceBook(YamlEdit current) {
		this.priceRows.setId("console-billing-prices");
		this.priceRows.addClassName("console-rows");
		List<String> keys = new ArrayList<>(current.keys(PRICES));
		if (!keys.contains(Billing.DEFAULT_PRICE)) {
			keys.add(0, Billing.DEFAULT_PRICE);
		}
		keys.forEach((key) -> addPriceRow(key, current.scalar(PRICES + "." + key).orElse("")));
		this.newSpecialty.setLabel(getTranslation("console.billing.add-price-for"));
		this.newSpecialty.setItemLabelGenerator((code) -> getTranslation("specialty." + code));
		this.newSpecialty.setId("console-billing-new-specialty");
		offerSpecialties();
		Button add = new Button(getTranslation("console.billing.add-price"), (event) -> {
			String specialty = this.newSpecialty.getValue();
			if (specialty != null) {
				addPriceRow(specialty, "");
				offerSpecialties();
				refresh();
			}
		});
		add.setId("console-billing-add-price");
		Div adder = new Div(this.newSpecialty, add);
		adder.addClassName("console-row");
		return new Div(this.priceRows, adder, new Paragraph(getTranslation("console.billing.prices.help")));
	}

	private void addPriceRow(String key, String value) {
		TextField field = new TextField(
				Billing.DEFAULT_PRICE.equals(key) ? getTranslation("console.billing.default-price")
						: getTranslation("console.billing.price-for", specialtyName(key)));
		field.setValue(value);
		field.setId("console-billing-price-" + key);
		field.addValueChangeListener((event) -> refresh());
		bind(PRICES + "." + key, field);
		Div row = new Div(field);
		row.addClassName("console-row");
		if (Billing.DEFAULT_PRICE.equals(key)) {
			// "needs a 'default' price" is said of the whole price book.
			bind(PRICES, field);
		}
		else {
			Button remove = new Button(getTranslation("console.billing.remove-price"), (event) -> {
				this.prices.remove(key);
				this.priceRows.remove(row);
				offerSpecialties();
				refresh();
			});
			remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
			remove.setId("console-billing-remove-price-" + key);
			row.add(remove);
		}
		this.prices.put(key, field);
		this.priceRows.add(row);
	}

	private void offerSpecialties() {
		this.newSpecialty.setItems(this.specialties.stream().filter((code) -> !this.prices.containsKey(code)).toList());
	}

	private String specialtyName(String code) {
		return this.specialties.contains(code) || Specialties.isKnown(code) ? getTranslation("specialty." + code)
				: code;
	}

	private Div addOns(YamlEdit current) {
		Div box = new Div(new H3(getTranslation("console.billing.rereadAddOns")),
				new Paragraph(getTranslation("console.billing.rereadAddOns.help")));
		for (Billing.Reread kind : Billing.Reread.values()) {
			String path = "billing.rereadAddOns." + kind.key();
			TextField field = new TextField(getTranslation("console.billing.reread." + kind.key()));
			field.setValue(current.scalar(path).orElse(""));
			field.setId("console-billing-reread-" + kind.key());
			field.addValueChangeListener((event) -> refresh());
			bind(path, field);
			if (this.addOns.isEmpty()) {
				// "only apply when someone pays" is said of all add-ons.
				bind("billing.rereadAddOns", field);
			}
			this.addOns.put(kind, field);
			box.add(field);
		}
		return box;
	}

	private Div cancellation(YamlEdit current) {
		Div box = new Div(new H3(getTranslation("console.billing.cancellation")),
				new Paragraph(getTranslation("console.billing.cancellation.help")));
		for (String key : List.of("beforeReview", "inReview", "afterCompletionRefund")) {
			String path = "billing.cancellation." + key;
			IntegerField field = new IntegerField(getTranslation("console.billing.cancellation." + key));
			current.scalar(path).map(ConsoleNumbers::parse).ifPresent(field::setValue);
			field.setSuffixComponent(new Span("%"));
			field.setId("console-billing-cancellation-" + key);
			field.addValueChangeListener((event) -> refresh());
			bind(path, field);
			this.cancellation.put(key, field);
			box.add(field);
		}
		return box;
	}

	private Paragraph applies(String key) {
		Paragraph when = new Paragraph(getTranslation("console.billing." + key + ".applies"));
		when.addClassName("console-applies");
		return when;
	}

	private String money(Money money) {
		NumberFormat format = NumberFormat.getCurrencyInstance(getLocale());
		format.setCurrency(money.currency());
		return format.format(money.amount());
	}

}
