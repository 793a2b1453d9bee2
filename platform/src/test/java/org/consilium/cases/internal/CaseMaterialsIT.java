package org.consilium.cases.internal;

import java.util.List;
import java.util.UUID;

import org.consilium.cases.CaseDetails;
import org.consilium.cases.CaseMaterials;
import org.consilium.cases.CaseMaterials.DeclaredMaterial;
import org.consilium.cases.CaseMaterials.Material;
import org.consilium.cases.CaseMaterials.MaterialChannel;
import org.consilium.cases.CaseMaterials.MaterialKind;
import org.consilium.cases.CaseNotFoundException;
import org.consilium.cases.CasePhysicians;
import org.consilium.cases.Cases;
import org.consilium.cases.InvalidCaseException;
import org.consilium.identity.ConsiliumUser;
import org.consilium.support.IntegrationTest;
import org.consilium.support.Users;
import org.consilium.tenant.TenantContext;
import org.consilium.tenant.TenantId;
import org.consilium.tenantconfig.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The materials list: the doctor declares, staff tick off, the patient sees what is still
 * missing; nobody outside the case or the tenant sees any of it.
 */
@IntegrationTest
class CaseMaterialsIT {

	static final TenantId PUBLIC = TenantId.of("public");

	static final TenantId GLOBEX = TenantId.of("globex");

	static final ConsiliumUser PATIENT = Users.user("public", "mat-patient", Role.PATIENT);

	static final ConsiliumUser DOCTOR = Users.user("public", "mat-doctor", Role.REFERRING_PHYSICIAN);

	static final ConsiliumUser COORDINATOR = Users.user("public", "mat-coordinator", Role.CASE_COORDINATOR);

	static final ConsiliumUser STRANGER = Users.user("public", "mat-stranger", Role.PATIENT);

	static final ConsiliumUser GLOBEX_COORDINATOR = Users.user("globex", "mat-coordinator", Role.CASE_COORDINATOR);

	@Autowired
	Cases cases;

	@Autowired
	CasePhysicians physicians;

	@Autowired
	CaseMaterials materials;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PlatformTransactionManager transactionManager;

	CaseDetails medicalCase;

	@BeforeEach
	void aCaseWithItsDoctor() {
		this.medicalCase = TenantContext.callAs(PUBLIC,
				() -> Users.as(PATIENT, () -> this.cases.openDraft("cardiology", "Is the valve repair needed?")));
		TenantContext.runAs(PUBLIC, () -> Users.as(PATIENT, () -> {
			this.physicians.attachPhysician(this.medicalCase.id(), DOCTOR.id());
			return null;
		}));
	}

	@Test
	void the_doctor_declares_staff_tick_off_and_everyone_on_the_case_sees_what_is_missing() {
		List<Material> declared = inPublic(DOCTOR,
				() -> this.materials.declare(this.medicalCase.id(), List.of(
						new DeclaredMaterial("Echocardiogram report, May 2026", MaterialKind.MEDICAL_RECORD,
								MaterialChannel.UPLOAD),
						new DeclaredMaterial("Cardiac MRI images", MaterialKind.RADIOLOGY, MaterialChannel.MAIL))));
		assertThat(declared).extracting(Material::declaredBy).containsOnly(DOCTOR.id());

		Material mri = declared.get(1);
		UUID scan = UUID.randomUUID();
		Material received = inPublic(COORDINATOR,
				() -> this.materials.markReceived(this.medicalCase.id(), mri.id(), "DVD by post, 1 study", scan));
		assertThat(received.received()).isTrue();
		assertThat(received.receivedBy()).isEqualTo(COORDINATOR.id());
		assertThat(received.recordId()).isEqualTo(scan);
		// Idempotent: a second tick changes nothing.
		assertThat(inPublic(COORDINATOR,
				() -> this.materials.markReceived(this.medicalCase.id(), mri.id(), "again", null).note()))
			.isEqualTo("DVD by post, 1 study");

		List<Material> seenByPatient = inPublic(PATIENT, () -> this.materials.list(this.medicalCase.id()));
		assertThat(seenByPatient).extracting(Material::description)
			.containsExactly("Echocardiogram report, May 2026", "Cardiac MRI images");
		assertThat(seenByPatient).filteredOn((m) -> !m.received())
			.extracting(Material::description)
			.containsExactly("Echocardiogram report, May 2026");
		assertThat(inPublic(DOCTOR, () -> this.materials.list(this.medicalCase.id()))).hasSize(2);

		assertThat(inPublic(PATIENT, () -> this.cases.timeline(this.medicalCase.id())))
			.extracting((entry) -> entry.what())
			.contains("materials-declared", "material-received");
	}

	@Test
	void only_case_coordinators_mark_items_received() {
		Material item = declareOne(DOCTOR);
		assertThatThrownBy(
				() -> inPublic(DOCTOR, () -> this.materials.markReceived(this.medicalCase.id(), item.id(), null, null)))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> inPublic(PATIENT,
				() -> this.materials.markReceived(this.medicalCase.id(), item.id(), null, null)))
			.isInstanceOf(AccessDeniedException.class);
		assertThat(inPublic(PATIENT, () -> this.materials.list(this.medicalCase.id()))).noneMatch(Material::received);
	}

	@Test
	void bad_items_are_refused_and_nothing_of_the_batch_is_kept() {
		assertThatThrownBy(() -> inPublic(DOCTOR,
				() -> this.materials.declare(this.medicalCase.id(),
						List.of(new DeclaredMaterial("Biopsy slides", MaterialKind.PATHOLOGY, MaterialChannel.MAIL),
								new DeclaredMaterial("  ", MaterialKind.PATHOLOGY, MaterialChannel.MAIL)))))
			.isInstanceOfSatisfying(InvalidCaseException.class,
					(e) -> assertThat(e.messageKey()).isEqualTo("materials.error.description"));
		assertThatThrownBy(() -> inPublic(DOCTOR,
				() -> this.materials.declare(this.medicalCase.id(),
						List.of(new DeclaredMaterial("x".repeat(301), MaterialKind.PATHOLOGY, MaterialChannel.MAIL)))))
			.isInstanceOfSatisfying(InvalidCaseException.class,
					(e) -> assertThat(e.messageKey()).isEqualTo("materials.error.description-length"));
		assertThatThrownBy(() -> inPublic(DOCTOR, () -> this.materials.declare(this.medicalCase.id(), List.of())))
			.isInstanceOf(InvalidCaseException.class);
		assertThat(inPublic(DOCTOR, () -> this.materials.list(this.medicalCase.id()))).isEmpty();
	}

	@Test
	void the_declarer_withdraws_an_item_until_it_has_arrived() {
		Material first = declareOne(DOCTOR);
		Material second = declareOne(DOCTOR);
		inPublic(DOCTOR, () -> {
			this.materials.withdraw(this.medicalCase.id(), first.id());
			return null;
		});
		inPublic(COORDINATOR, () -> this.materials.markReceived(this.medicalCase.id(), second.id(), null, null));
		assertThatThrownBy(() -> inPublic(DOCTOR, () -> {
			this.materials.withdraw(this.medicalCase.id(), second.id());
			return null;
		})).isInstanceOf(InvalidCaseException.class);
		assertThatThrownBy(() -> inPublic(PATIENT, () -> {
			this.materials.withdraw(this.medicalCase.id(), second.id());
			return null;
		})).isInstanceOf(InvalidCaseException.class);
		assertThat(inPublic(PATIENT, () -> this.materials.list(this.medicalCase.id()))).extracting(Material::id)
			.containsExactly(second.id());
	}

	@Test
	void someone_outside_the_case_sees_nothing_and_declares_nothing() {
		declareOne(DOCTOR);
		assertThatThrownBy(() -> inPublic(STRANGER, () -> this.materials.list(this.medicalCase.id())))
			.isInstanceOf(CaseNotFoundException.class);
		assertThatThrownBy(() -> inPublic(STRANGER,
				() -> this.materials.declare(this.medicalCase.id(),
						List.of(new DeclaredMaterial("Spam", MaterialKind.MEDICAL_RECORD, MaterialChannel.EMAIL)))))
			.isInstanceOf(CaseNotFoundException.class);
	}

	@Test
	void another_tenant_reaches_the_list_neither_through_the_service_nor_by_native_sql() {
		Material item = declareOne(DOCTOR);
		assertThatThrownBy(() -> TenantContext.callAs(GLOBEX,
				() -> Users.as(GLOBEX_COORDINATOR, () -> this.materials.list(this.medicalCase.id()))))
			.isInstanceOf(CaseNotFoundException.class);
		assertThatThrownBy(() -> TenantContext.callAs(GLOBEX,
				() -> Users.as(GLOBEX_COORDINATOR,
						() -> this.materials.markReceived(this.medicalCase.id(), item.id(), null, null))))
			.isInstanceOf(CaseNotFoundException.class);

		String sql = "select count(*) from case_material where id = ?";
		assertThat(inTransaction(PUBLIC, () -> this.jdbc.queryForObject(sql, Long.class, item.id()))).isEqualTo(1);
		assertThat(inTransaction(GLOBEX, () -> this.jdbc.queryForObject(sql, Long.class, item.id()))).isZero();
		assertThat(inTransaction(GLOBEX,
				() -> this.jdbc.update("update case_material set received_at = now() where id = ?", item.id())))
			.isZero();
		assertThat(inPublic(PATIENT, () -> this.materials.list(this.medicalCase.id()))).noneMatch(Material::received);
	}

	private Material declareOne(ConsiliumUser user) {
		return inPublic(user,
				() -> this.materials.declare(this.medicalCase.id(),
						List.of(new DeclaredMaterial("Pathology report", MaterialKind.PATHOLOGY, MaterialChannel.FAX))))
			.get(0);
	}

	private <T> T inPublic(ConsiliumUser user, java.util.function.Supplier<T> work) {
		return TenantContext.callAs(PUBLIC, () -> Users.as(user, work));
	}

	private <T> T inTransaction(TenantId tenant, java.util.function.Supplier<T> work) {
		return TenantContext.callAs(tenant,
				() -> new TransactionTemplate(this.transactionManager).execute((status) -> work.get()));
	}

}
