package org.consilium.records.ui;

import java.util.List;
import java.util.Locale;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import org.consilium.cases.CaseDetails;
import org.consilium.cases.CaseMaterials;
import org.consilium.cases.CaseMaterials.DeclaredMaterial;
import org.consilium.cases.CaseMaterials.MaterialChannel;
import org.consilium.cases.CaseMaterials.MaterialKind;
import org.consilium.cases.Cases;
import org.consilium.identity.ConsiliumUser;
import org.consilium.records.RecordKind;
import org.consilium.records.Records;
import org.consilium.records.TestFiles;
import org.consilium.support.IntegrationTest;
import org.consilium.support.KaribuSite;
import org.consilium.support.Users;
import org.consilium.tenant.TenantContext;
import org.consilium.tenant.TenantId;
import org.consilium.tenantconfig.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.UploadKt._upload;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The records page in Karibu: the patient uploads through the page (the upload handler
 * streams into the records module), sees the record listed with its details and links,
 * and a refused file with a readable reason; the coordinator sees what is missing, logs
 * an arrival that ticks off the list item, and clears a translation task; another
 * tenant's case is "not found".
 */
@IntegrationTest
class RecordsViewIT {

	static final TenantId PUBLIC = TenantId.of("public");

	static final ConsiliumUser PATIENT = Users.user("public", "view-rec-patient", Role.PATIENT);

	static final ConsiliumUser COORDINATOR = Users.user("public", "view-rec-coordinator", Role.CASE_COORDINATOR);

	@Autowired
	ApplicationContext context;

	@Autowired
	Cases cases;

	@Autowired
	CaseMaterials materials;

	@Autowired
	Records records;

	CaseDetails medicalCase;

	@BeforeEach
	void openCase() {
		this.medicalCase = TenantContext.callAs(PUBLIC,
				() -> Users.as(PATIENT, () -> this.cases.openDraft("cardiology", "Please review")));
	}

	@Test
	@SuppressWarnings("unchecked")
	void the_patient_uploads_through_the_page_and_sees_the_record_listed() {
		try (KaribuSite site = KaribuSite.open(this.context, PUBLIC, Locale.ENGLISH).signIn(PATIENT).navigate(path())) {
			_get(Select.class, (spec) -> spec.withId("record-kind")).setValue(RecordKind.RADIOLOGY);
			Upload upload = _get(Upload.class, (spec) -> spec.withId("record-file"));
			_upload(upload, "IM0001.dcm", TestFiles.dicom("CT", "20240315", "CT chest"));
			_upload(upload, "letter.pdf", TestFiles.image("png"));
			MockVaadin.clientRoundtrip();
			List<String> messages = _find(Paragraph.class, (spec) -> spec.withClasses("upload-ok")).stream()
				.map(Paragraph::getText)
				.toList();
			assertThat(messages).containsExactly("IM0001.dcm is stored.");
			assertThat(_get(Paragraph.class, (spec) -> spec.withClasses("upload-error")).getText())
				.isEqualTo("letter.pdf was not stored: Its name says PDF but its content is PNG.");
			Div list = _get(Div.class, (spec) -> spec.withId("record-list"));
			String text = list.getElement().getTextRecursively();
			assertThat(text).contains("IM0001.dcm", "Radiology", "From the patient", "Study: CT", "CT chest")
				.doesNotContain("letter.pdf");
			Anchor download = _get(list, Anchor.class, (spec) -> spec.withClasses("record-download"));
			assertThat(download.getHref()).startsWith("cases/" + this.medicalCase.reference().value() + "/records/")
				.endsWith("/content");
		}
	}

	@Test
	@SuppressWarnings("unchecked")
	void the_coordinator_logs_an_arrival_ticking_off_the_list_and_clears_a_translation_task() {
		TenantContext.runAs(PUBLIC, () -> Users.as(PATIENT, () -> {
			this.materials.declare(this.medicalCase.id(), List
				.of(new DeclaredMaterial("Pathology report, May 2026", MaterialKind.PATHOLOGY, MaterialChannel.FAX)));
			return this.records.upload(this.medicalCase.id(),
					new org.consilium.records.NewRecord(RecordKind.MEDICAL_RECORD, "es", "informe.pdf"),
					new java.io.ByteArrayInputStream(TestFiles.pdf(1)));
		}));
		try (KaribuSite site = KaribuSite.open(this.context, PUBLIC, Locale.ENGLISH)
			.signIn(COORDINATOR)
			.navigate(path())) {
			assertThat(_get(Paragraph.class, (spec) -> spec.withId("materials-missing")).getText())
				.isEqualTo("Still missing: 1");
			Select<CaseMaterials.Material> item = _get(Select.class, (spec) -> spec.withId("arrival-item"));
			item.setValue(item.getListDataView().getItems().findFirst().orElseThrow());
			_get(TextField.class, (spec) -> spec.withId("arrival-description")).setValue("Fax of 3 pages");
			_get(Button.class, (spec) -> spec.withId("arrival-log")).click();
			assertThat(_get(Paragraph.class, (spec) -> spec.withId("materials-missing")).getText())
				.isEqualTo("Everything on the list has arrived.");
			Div tasks = _get(Div.class, (spec) -> spec.withId("translation-tasks"));
			assertThat(tasks.getElement().getTextRecursively()).contains("informe.pdf", "Spanish");
			_find(tasks, ListItem.class).stream()
				.filter((li) -> li.getElement().getTextRecursively().contains("informe.pdf"))
				.findFirst()
				.orElseThrow();
			_get(tasks, Button.class, (spec) -> spec.withClasses("translation-done")).click();
			assertThat(_get(Div.class, (spec) -> spec.withId("translation-tasks")).getElement().getTextRecursively())
				.doesNotContain("informe.pdf");
		}
		assertThat(
				TenantContext.callAs(PUBLIC, () -> Users.as(PATIENT, () -> this.cases.timeline(this.medicalCase.id()))))
			.extracting((entry) -> entry.what())
			.contains("record-uploaded-translation", "material-arrived-fax", "record-translated");
	}

	@Test
	void another_tenants_case_is_not_found() {
		try (KaribuSite site = KaribuSite.open(this.context, TenantId.of("globex"), Locale.ENGLISH)
			.signIn(Users.user("globex", "view-rec-coordinator", Role.CASE_COORDINATOR))
			.navigate(path())) {
			assertThat(_find(Div.class, (spec) -> spec.withId("not-found"))).hasSize(1);
			assertThat(_find(Div.class, (spec) -> spec.withId("record-list"))).isEmpty();
		}
	}

	private String path() {
		return "cases/" + this.medicalCase.reference().value() + "/records";
	}

}
