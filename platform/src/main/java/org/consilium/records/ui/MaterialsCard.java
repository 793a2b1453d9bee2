package org.consilium.records.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import org.consilium.cases.CaseId;
import org.consilium.cases.CaseMaterials;
import org.consilium.cases.CaseMaterials.Material;

/**
 * The materials list: what has arrived and what is still missing (patient, doctor and
 * staff see it); staff tick items off here.
 */
class MaterialsCard extends Div {

	private final transient CaseMaterials materials;

	private final CaseId caseId;

	private final boolean staff;

	private final UnorderedList items = new UnorderedList();

	private final Paragraph summary = new Paragraph();

	MaterialsCard(CaseMaterials materials, CaseId caseId, boolean staff) {
		this.materials = materials;
		this.caseId = caseId;
		this.staff = staff;
		addClassName("card");
		setId("materials");
		this.summary.setId("materials-missing");
		add(new H2(getTranslation("records.materials.title")), this.summary, this.items);
		refresh();
	}

	void refresh() {
		this.items.removeAll();
		var list = this.materials.list(this.caseId);
		long missing = list.stream().filter((material) -> !material.received()).count();
		this.summary.setText(list.isEmpty() ? getTranslation("records.materials.none") : (missing == 0)
				? getTranslation("records.materials.complete") : getTranslation("records.materials.missing", missing));
		list.forEach((material) -> this.items.add(item(material)));
	}

	private ListItem item(Material material) {
		Span description = new Span(material.description());
		Span how = new Span(getTranslation("records.kind." + material.kind().name()) + " · "
				+ getTranslation("records.channel." + material.channel().name()));
		how.addClassName("material-how");
		Span state = new Span(
				getTranslation(material.received() ? "records.materials.received" : "records.materials.awaited"));
		state.addClassNames("material-state", material.received() ? "received" : "awaited");
		ListItem item = new ListItem(description, how, state);
		item.getElement().setAttribute("data-material", material.id().toString());
		if (this.staff && !material.received()) {
			Button received = new Button(getTranslation("records.materials.mark-received"), (event) -> {
				this.materials.markReceived(this.caseId, material.id(), null, null);
				refresh();
			});
			received.addThemeVariants(ButtonVariant.LUMO_SMALL);
			received.addClassName("mark-received");
			item.add(received);
		}
		return item;
	}

}
