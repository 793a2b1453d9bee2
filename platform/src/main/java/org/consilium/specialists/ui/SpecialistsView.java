package org.consilium.specialists.ui;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.consilium.identity.Roles;
import org.consilium.shell.MainLayout;
import org.consilium.specialists.SpecialistAdministration;
import org.consilium.specialists.SpecialistAdministration.Pool;
import org.consilium.specialists.SpecialistAdministration.SpecialistProfile;
import org.consilium.tenant.OperatorRoute;

/**
 * Platform admins: the operator's specialists (who, what, where licensed, how many cases,
 * when away) and the pools programmes draw on.
 */
@Route(value = "operator/specialists", layout = MainLayout.class)
@RolesAllowed(Roles.PLATFORM_ADMIN)
@OperatorRoute
class SpecialistsView extends Div implements HasDynamicTitle {

	private final transient SpecialistAdministration administration;

	private final transient java.time.Clock clock;

	private final Grid<SpecialistProfile> specialists = new Grid<>();

	private final Grid<Pool> pools = new Grid<>();

	private final TextField poolId = new TextField();

	private final TextField poolName = new TextField();

	SpecialistsView(SpecialistAdministration administration, java.time.Clock clock) {
		this.administration = administration;
		this.clock = clock;
		addClassName("specialists-page");
		add(new H1(getTranslation("specialists.title")));

		Button create = new Button(getTranslation("specialists.new"),
				(event) -> getUI().ifPresent((ui) -> ui.navigate("operator/specialists/new")));
		create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		create.setId("new-specialist");
		this.specialists.setId("specialists");
		this.specialists.addColumn(SpecialistProfile::displayName)
			.setHeader(getTranslation("specialists.name"))
			.setSortable(true)
			.setAutoWidth(true);
		this.specialists.addColumn((p) -> String.join(", ", p.specialties().stream().map(this::specialty).toList()))
			.setHeader(getTranslation("specialists.specialties"));
		this.specialists.addColumn((p) -> String.join(", ", p.languages()))
			.setHeader(getTranslation("specialists.languages"));
		this.specialists.addColumn((p) -> String.join(", ", p.jurisdictions()))
			.setHeader(getTranslation("specialists.jurisdictions"));
		this.specialists.addColumn(SpecialistProfile::maxActiveCases)
			.setHeader(getTranslation("specialists.max-active"));
		this.specialists.addColumn((p) -> String.join(", ", p.pools().stream().sorted().toList()))
			.setHeader(getTranslation("specialists.pools"));
		this.specialists.addColumn(this::state).setHeader(getTranslation("specialists.state"));
		this.specialists.addComponentColumn((p) -> {
			Button edit = new Button(getTranslation("specialists.edit"),
					(event) -> getUI().ifPresent((ui) -> ui.navigate("operator/specialists/" + p.id())));
			edit.setId("edit-" + p.id());
			return edit;
		});
		this.specialists.setAllRowsVisible(true);
		Div list = new Div(create, this.specialists);
		list.addClassName("card");
		add(list);

		this.pools.setId("pools");
		this.pools.addColumn(Pool::id).setHeader(getTranslation("specialists.pool.id"));
		this.pools.addColumn(Pool::displayName).setHeader(getTranslation("specialists.pool.name"));
		this.pools.addColumn(Pool::members).setHeader(getTranslation("specialists.pool.members"));
		this.pools.setAllRowsVisible(true);
		this.poolId.setId("pool-id");
		this.poolId.setLabel(getTranslation("specialists.pool.id"));
		this.poolId.setHelperText(getTranslation("specialists.pool.id.help"));
		this.poolId.setManualValidation(true);
		this.poolName.setId("pool-name");
		this.poolName.setLabel(getTranslation("specialists.pool.name"));
		this.poolName.setManualValidation(true);
		Button savePool = new Button(getTranslation("specialists.pool.save"), (event) -> savePool());
		savePool.setId("save-pool");
		Div poolCard = new Div(new H2(getTranslation("specialists.pools")),
				new Paragraph(getTranslation("specialists.pools.intro")), this.pools,
				new Div(this.poolId, this.poolName, savePool));
		poolCard.addClassName("card");
		add(poolCard);
		refresh();
	}

	private void savePool() {
		Map<String, List<String>> problems = this.administration.savePool(this.poolId.getValue().strip(),
				this.poolName.getValue());
		Problems.show(this, problems, Map.of("poolId", this.poolId, "poolName", this.poolName));
		if (problems.isEmpty()) {
			this.poolId.clear();
			this.poolName.clear();
			refresh();
		}
	}

	private String state(SpecialistProfile profile) {
		if (!profile.active()) {
			return getTranslation("specialists.state.retired");
		}
		return profile.awayOn(LocalDate.now(this.clock)) ? getTranslation("specialists.state.away")
				: getTranslation("specialists.state.active");
	}

	private String specialty(String code) {
		return getTranslation("specialty." + code);
	}

	private void refresh() {
		this.specialists.setItems(this.administration.all());
		this.pools.setItems(this.administration.pools());
	}

	@Override
	public String getPageTitle() {
		return getTranslation("specialists.title");
	}

}
