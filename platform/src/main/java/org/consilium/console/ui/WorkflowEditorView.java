package org.consilium.console.ui;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.consilium.console.ConfigConsole;
import org.consilium.console.ConfigDraft;
import org.consilium.identity.Roles;
import org.consilium.shell.HowItWorks;
import org.consilium.shell.MainLayout;
import org.consilium.tenantconfig.Specialties;
import org.consilium.tenantconfig.TenantConfig;
import org.consilium.tenantconfig.Workflow;
import org.consilium.tenantconfig.YamlEdit;

/**
 * The programme's variant of the process: every workflow setting of the tenant file, the
 * consequence of each choice said next to it, and as preview the steps the programme's
 * landing page will show patients. Which settings apply to open cases and which only to
 * new ones is said on each (docs/decisions/023-console-configuration-versions.md).
 */
@Route(value = "admin/console/workflow", layout = MainLayout.class)
@RolesAllowed(Roles.TENANT_ADMIN)
class WorkflowEditorView extends ConsoleForm {

	private final RadioButtonGroup<String> doctor = radio(Workflow.DoctorParticipation.values());

	private final RadioButtonGroup<String> eligibility = radio(Workflow.Eligibility.values());

	private final Checkbox retrieval = new Checkbox();

	private final RadioButtonGroup<String> approval = radio(Workflow.Approval.values());

	private final RadioButtonGroup<String> delivery = radio(Workflow.Delivery.values());

	private final IntegerField turnaround = new IntegerField();

	private final MultiSelectComboBox<String> specialties = new MultiSelectComboBox<>();

	private final MultiSelectComboBox<String> pools = new MultiSelectComboBox<>();

	private final OrderedList steps = new OrderedList();

	WorkflowEditorView(ConfigConsole console) {
		super(console, "workflow");
		YamlEdit current = base().yaml();
		Div form = new Div(knob(this.doctor, "doctorParticipation", current),
				knob(this.eligibility, "eligibility", current), retrieval(current),
				knob(this.approval, "approval", current), knob(this.delivery, "delivery", current), turnaround(current),
				specialties(current), pools(current));
		this.steps.setId("console-workflow-steps");
		this.steps.addClassName("steps");
		build(form, new Div(new H2(getTranslation("console.workflow.preview")),
				new Paragraph(getTranslation("console.workflow.preview-text")), this.steps));
	}

	@Override
	protected void apply(YamlEdit yaml) {
		yaml.set("workflow.doctorParticipation", this.doctor.getValue())
			.set("workflow.eligibility", this.eligibility.getValue())
			.set("workflow.recordsRetrievalPartner", String.valueOf(this.retrieval.getValue()))
			.set("workflow.approval", this.approval.getValue())
			.set("workflow.delivery", this.delivery.getValue())
			.set("workflow.turnaroundDays",
					(this.turnaround.getValue() != null) ? String.valueOf(this.turnaround.getValue()) : null)
			.setList("workflow.specialties",
					keepOrder(base().yaml().scalars("workflow.specialties"), this.specialties.getValue()))
			.setList("workflow.specialistPools",
					keepOrder(base().yaml().scalars("workflow.specialistPools"), this.pools.getValue()));
	}

	@Override
	protected void preview(TenantConfig candidate, ConfigDraft draft) {
		this.steps.removeAll();
		for (HowItWorks.Step step : HowItWorks.steps(candidate)) {
			ListItem item = new ListItem(new H3(getTranslation(step.titleKey(), step.args())),
					new Paragraph(getTranslation(step.textKey(), step.args())));
			item.getElement().setAttribute("data-step", step.key());
			this.steps.add(item);
		}
	}

	private Div knob(RadioButtonGroup<String> group, String key, YamlEdit current) {
		String path = "workflow." + key;
		group.setLabel(getTranslation("console.workflow." + key));
		group.setItemLabelGenerator((value) -> getTranslation("console.workflow." + key + "." + value));
		group.setValue(current.scalar(path).orElse(null));
		group.setId("console-workflow-" + key);
		group.addValueChangeListener((event) -> refresh());
		group.setHelperComponent(new Paragraph(getTranslation("console.workflow." + key + ".help")));
		bind(path, group);
		Div box = new Div(group, applies(key));
		box.addClassName("console-knob");
		return box;
	}

	private Div retrieval(YamlEdit current) {
		this.retrieval.setLabel(getTranslation("console.workflow.recordsRetrievalPartner"));
		this.retrieval
			.setValue(Boolean.parseBoolean(current.scalar("workflow.recordsRetrievalPartner").orElse("false")));
		this.retrieval.setId("console-workflow-recordsRetrievalPartner");
		this.retrieval.addValueChangeListener((event) -> refresh());
		this.retrieval.setHelperText(getTranslation("console.workflow.recordsRetrievalPartner.help"));
		Div box = new Div(this.retrieval, applies("recordsRetrievalPartner"));
		box.addClassName("console-knob");
		return box;
	}

	private Div turnaround(YamlEdit current) {
		this.turnaround.setLabel(getTranslation("console.workflow.turnaroundDays"));
		this.turnaround.setHelperText(getTranslation("console.workflow.turnaroundDays.help"));
		this.turnaround.setStepButtonsVisible(true);
		current.scalar("workflow.turnaroundDays").map(ConsoleNumbers::parse).ifPresent(this.turnaround::setValue);
		this.turnaround.setId("console-workflow-turnaroundDays");
		this.turnaround.addValueChangeListener((event) -> refresh());
		bind("workflow.turnaroundDays", this.turnaround);
		Div box = new Div(this.turnaround, applies("turnaroundDays"));
		box.addClassName("console-knob");
		return box;
	}

	private Div specialties(YamlEdit current) {
		this.specialties.setLabel(getTranslation("console.workflow.specialties"));
		this.specialties.setItems(Specialties.CATALOG);
		this.specialties.setItemLabelGenerator((code) -> getTranslation("specialty." + code));
		this.specialties.setValue(Set.copyOf(current.scalars("workflow.specialties")));
		this.specialties.setHelperText(getTranslation("console.workflow.specialties.help"));
		this.specialties.setId("console-workflow-specialties");
		this.specialties.setWidthFull();
		this.specialties.addValueChangeListener((event) -> refresh());
		bind("workflow.specialties", this.specialties);
		Div box = new Div(this.specialties, applies("specialties"));
		box.addClassName("console-knob");
		return box;
	}

	private Div pools(YamlEdit current) {
		List<String> known = current.scalars("workflow.specialistPools");
		this.pools.setLabel(getTranslation("console.workflow.specialistPools"));
		this.pools.setItems(known);
		this.pools.setAllowCustomValue(true);
		this.pools.addCustomValueSetListener((event) -> {
			Set<String> values = new TreeSet<>(this.pools.getValue());
			values.add(event.getDetail().strip());
			TreeSet<String> items = new TreeSet<>(known);
			items.addAll(values);
			this.pools.setItems(List.copyOf(items));
			this.pools.setValue(values);
		});
		this.pools.setValue(Set.copyOf(known));
		this.pools.setHelperText(getTranslation("console.workflow.specialistPools.help"));
		this.pools.setId("console-workflow-specialistPools");
		this.pools.setWidthFull();
		this.pools.addValueChangeListener((event) -> refresh());
		bind("workflow.specialistPools", this.pools);
		Div box = new Div(this.pools, applies("specialistPools"));
		box.addClassName("console-knob");
		return box;
	}

	private Paragraph applies(String key) {
		Paragraph when = new Paragraph(getTranslation("console.workflow." + key + ".applies"));
		when.addClassName("console-applies");
		return when;
	}

	/** The file's order for values kept, new ones after them in alphabetical order. */
	private static List<String> keepOrder(List<String> before, Set<String> chosen) {
		List<String> ordered = new java.util.ArrayList<>(before.stream().filter(chosen::contains).toList());
		new TreeSet<>(chosen).stream().filter((value) -> !before.contains(value)).forEach(ordered::add);
		return ordered;
	}

	private static <E extends Enum<E>> RadioButtonGroup<String> radio(E[] values) {
		RadioButtonGroup<String> group = new RadioButtonGroup<>();
		group.setItems(java.util.Arrays.stream(values).map(Enum::name).toList());
		return group;
	}

}
