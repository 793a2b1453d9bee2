package org.consilium.records.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.consilium.cases.CaseAccess;
import org.consilium.cases.CaseClosedException;
import org.consilium.cases.CaseMaterials;
import org.consilium.cases.CaseNotFoundException;
import org.consilium.cases.CaseReference;
import org.consilium.cases.CaseSummary;
import org.consilium.identity.CurrentUser;
import org.consilium.identity.Roles;
import org.consilium.records.MaterialArrivals;
import org.consilium.records.Records;
import org.consilium.shell.MainLayout;
import org.consilium.tenant.Tenants;
import org.consilium.tenantconfig.Role;

/**
 * A case's records page: upload (streamed, with progress), the records with their details
 * and view/download links, the materials list with what is still missing, and for
 * coordinators the arrivals log and the translation tasks. Another tenant's case, or one
 * the user is not on, is "not found".
 */
@Route(value = "cases/:reference/records", layout = MainLayout.class)
@RolesAllowed({ Roles.PATIENT, Roles.REFERRING_PHYSICIAN, Roles.CASE_COORDINATOR, Roles.TENANT_ADMIN })
class RecordsView extends Div implements BeforeEnterObserver, HasDynamicTitle {

	private final transient CaseAccess access;

	private final transient Records records;

	private final transient CaseMaterials materials;

	private final transient MaterialArrivals arrivals;

	private final transient Tenants tenants;

	private String title = "";

	RecordsView(CaseAccess access, Records records, CaseMaterials materials, MaterialArrivals arrivals,
			Tenants tenants) {
		this.access = access;
		this.records = records;
		this.materials = materials;
		this.arrivals = arrivals;
		this.tenants = tenants;
		addClassName("records-page");
	}

	@Override
	public void beforeEnter(BeforeEnterEvent event) {
		String parameter = event.getRouteParameters().get("reference").orElse("");
		CaseSummary medicalCase;
		try {
			medicalCase = CaseReference.parse(parameter)
				.map(this.access::requireRead)
				.orElseThrow(() -> new CaseNotFoundException(parameter));
		}
		catch (CaseNotFoundException ex) {
			event.rerouteToError(NotFoundException.class);
			return;
		}
		removeAll();
		this.title = getTranslation("records.title", medicalCase.reference().value());
		H1 heading = new H1(this.title);
		heading.setId("records-heading");
		add(heading);
		RecordList list = new RecordList(this.records, medicalCase,
				this.tenants.current().config().branding().businessHours().timeZone());
		MaterialsCard materialsCard = new MaterialsCard(this.materials, medicalCase.id(), staff());
		if (medicalCase.status().isOpen() && canContribute(medicalCase)) {
			add(new UploadCard(this.records, medicalCase.id(), () -> {
				list.refresh();
				materialsCard.refresh();
			}));
		}
		add(list, materialsCard);
		if (staff()) {
			TranslationCard translations = new TranslationCard(this.records);
			add(new ArrivalCard(this.records, this.arrivals, this.materials, medicalCase.id(), () -> {
				list.refresh();
				materialsCard.refresh();
				translations.refresh();
			}), translations);
		}
		Anchor back = new Anchor("cases/" + medicalCase.reference().value(), getTranslation("records.back"));
		back.setId("back-to-case");
		add(back);
	}

	private boolean canContribute(CaseSummary medicalCase) {
		try {
			this.access.requireContribute(medicalCase.id());
			return true;
		}
		catch (CaseClosedException | CaseNotFoundException ex) {
			return false;
		}
	}

	private static boolean staff() {
		return CurrentUser.find()
			.map((user) -> user.has(Role.CASE_COORDINATOR) || user.has(Role.TENANT_ADMIN))
			.orElse(false);
	}

	@Override
	public String getPageTitle() {
		return this.title;
	}

}
