package org.consilium.retrieval.ui;

import java.util.Map;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.textfield.TextField;
import org.consilium.retrieval.Facility;

/**
 * One facility: its name, address and phone, and when the patient was cared for there.
 */
class FacilityForm extends Div {

	private final TextField name = new TextField();

	private final TextField address = new TextField();

	private final TextField phone = new TextField();

	private final DatePicker careFrom = new DatePicker();

	private final DatePicker careTo = new DatePicker();

	FacilityForm(int index) {
		addClassName("retrieval-facility");
		setId("facility-" + index);
		this.name.setLabel(getTranslation("retrieval.facility.name"));
		this.address.setLabel(getTranslation("retrieval.facility.address"));
		this.phone.setLabel(getTranslation("retrieval.facility.phone"));
		this.careFrom.setLabel(getTranslation("retrieval.facility.from"));
		this.careTo.setLabel(getTranslation("retrieval.facility.to"));
		this.careTo.setHelperText(getTranslation("retrieval.facility.to.help"));
		this.name.setMaxLength(200);
		this.address.setMaxLength(300);
		this.phone.setMaxLength(40);
		fields().forEach((field, component) -> {
			((com.vaadin.flow.component.Component) component).setId("facility-" + index + "-" + field);
			component.setManualValidation(true);
		});
		for (var required : java.util.List.of(this.name, this.address, this.phone)) {
			required.setRequiredIndicatorVisible(true);
			required.setWidthFull();
		}
		this.careFrom.setRequiredIndicatorVisible(true);
		Div dates = new Div(this.careFrom, this.careTo);
		dates.addClassName("retrieval-dates");
		add(new H3(getTranslation("retrieval.facility.heading", index + 1)), this.name, this.address, this.phone,
				dates);
	}

	Facility value() {
		return new Facility(this.name.getValue(), this.address.getValue(), this.phone.getValue(),
				this.careFrom.getValue(), this.careTo.getValue());
	}

	/** The fields by the names the service uses after {@code facility.<i>.}. */
	Map<String, HasValidation> fields() {
		return Map.of("name", this.name, "address", this.address, "phone", this.phone, "careFrom", this.careFrom,
				"careTo", this.careTo);
	}

}
