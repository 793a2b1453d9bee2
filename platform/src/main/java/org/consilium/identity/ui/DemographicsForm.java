package org.consilium.identity.ui;

import java.text.Collator;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import org.consilium.identity.Demographics;
import org.consilium.tenantconfig.TenantConfig;
import org.consilium.tenantconfig.Workflow;

/**
 * The patient's demographics as a form: registration and the profile page share it.
 * Problems are shown next to their field.
 */
class DemographicsForm extends FormLayout {

	private final TextField legalName = new TextField();

	private final DatePicker dateOfBirth = new DatePicker();

	private final Select<Demographics.Sex> sex = new Select<>();

	private final TextField addressLine = new TextField();

	private final TextField city = new TextField();

	private final TextField region = new TextField();

	private final TextField postalCode = new TextField();

	private final ComboBox<String> country = new ComboBox<>();

	private final TextField phone = new TextField();

	private final Select<String> preferredLanguage = new Select<>();

	private final TextField employeeId = new TextField();

	private final Map<String, HasValidation> fields;

	DemographicsForm(TenantConfig tenant) {
		Locale locale = getLocale();
		this.legalName.setLabel(getTranslation("profile.legal-name"));
		this.legalName.setHelperText(getTranslation("profile.legal-name.help"));
		this.dateOfBirth.setLabel(getTranslation("profile.date-of-birth"));
		this.dateOfBirth.setMax(LocalDate.now());
		this.dateOfBirth.setInitialPosition(LocalDate.now().minusYears(40));
		this.sex.setLabel(getTranslation("profile.sex"));
		this.sex.setItems(Demographics.Sex.values());
		this.sex.setItemLabelGenerator((value) -> getTranslation("sex." + value.name()));
		this.addressLine.setLabel(getTranslation("profile.address"));
		this.city.setLabel(getTranslation("profile.city"));
		this.region.setLabel(getTranslation("profile.region"));
		this.postalCode.setLabel(getTranslation("profile.postal-code"));
		this.country.setLabel(getTranslation("profile.country"));
		List<String> countries = Arrays.stream(Locale.getISOCountries())
			.sorted(Comparator.comparing((String code) -> new Locale("", code).getDisplayCountry(locale),
					Collator.getInstance(locale)))
			.toList();
		this.country.setItems(countries);
		this.country.setItemLabelGenerator((code) -> new Locale("", code).getDisplayCountry(locale));
		this.phone.setLabel(getTranslation("profile.phone"));
		this.phone.setHelperText(getTranslation("profile.phone.help"));
		this.preferredLanguage.setLabel(getTranslation("profile.language"));
		this.preferredLanguage.setItems(tenant.locales().stream().map(Locale::getLanguage).toList());
		this.preferredLanguage.setItemLabelGenerator((code) -> getTranslation("language." + code));
		this.preferredLanguage
			.setValue(tenant.supports(locale) ? locale.getLanguage() : tenant.defaultLocale().getLanguage());
		this.employeeId.setLabel(getTranslation("profile.employee-id"));
		this.employeeId.setHelperText(getTranslation("profile.employee-id.help"));
		this.employeeId.setVisible(tenant.workflow().eligibility() == Workflow.Eligibility.CENSUS);
		this.fields = Map.ofEntries(Map.entry("legalName", this.legalName), Map.entry("dateOfBirth", this.dateOfBirth),
				Map.entry("sex", this.sex), Map.entry("addressLine", this.addressLine), Map.entry("city", this.city),
				Map.entry("region", this.region), Map.entry("postalCode", this.postalCode),
				Map.entry("country", this.country), Map.entry("phone", this.phone),
				Map.entry("preferredLanguage", this.preferredLanguage), Map.entry("employeeId", this.employeeId));
		this.fields.forEach((name, field) -> {
			((com.vaadin.flow.component.Component) field).setId(name);
			// the server decides what is invalid; the fields' own checks would clear our
			// messages on blur
			field.setManualValidation(true);
		});
		for (var required : List.of(this.legalName, this.addressLine, this.city, this.phone)) {
			required.setRequiredIndicatorVisible(true);
		}
		this.dateOfBirth.setRequiredIndicatorVisible(true);
		this.sex.setRequiredIndicatorVisible(true);
		this.country.setRequiredIndicatorVisible(true);
		add(this.legalName, this.dateOfBirth, this.sex, this.phone, this.addressLine, this.city, this.region,
				this.postalCode, this.country, this.preferredLanguage, this.employeeId);
		setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("30em", 2));
		setColspan(this.addressLine, 2);
	}

	Demographics value() {
		return new Demographics(this.legalName.getValue(), this.dateOfBirth.getValue(), this.sex.getValue(),
				this.addressLine.getValue(), this.city.getValue(), blankToNull(this.region.getValue()),
				blankToNull(this.postalCode.getValue()), this.country.getValue(), this.phone.getValue(),
				this.preferredLanguage.getValue(), blankToNull(this.employeeId.getValue()));
	}

	void set(Demographics d) {
		this.legalName.setValue(orEmpty(d.legalName()));
		this.dateOfBirth.setValue(d.dateOfBirth());
		this.sex.setValue(d.sex());
		this.addressLine.setValue(orEmpty(d.addressLine()));
		this.city.setValue(orEmpty(d.city()));
		this.region.setValue(orEmpty(d.region()));
		this.postalCode.setValue(orEmpty(d.postalCode()));
		this.country.setValue(d.country());
		this.phone.setValue(orEmpty(d.phone()));
		if (d.preferredLanguage() != null) {
			this.preferredLanguage.setValue(d.preferredLanguage());
		}
		this.employeeId.setValue(orEmpty(d.employeeId()));
	}

	void setLegalName(String name) {
		this.legalName.setValue(orEmpty(name));
	}

	/** Shows each problem under its field; fields without a problem are cleared. */
	void show(Map<String, List<String>> problems) {
		this.fields.forEach((name, field) -> {
			List<String> keys = problems.get(name);
			field.setInvalid(keys != null && !keys.isEmpty());
			if (keys != null && !keys.isEmpty()) {
				field.setErrorMessage(String.join(" ", keys.stream().map(this::getTranslation).toList()));
			}
		});
	}

	private static String orEmpty(String value) {
		return (value != null) ? value : "";
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
