package org.consilium.review;

import java.io.ByteArrayInputStream;
import java.util.UUID;
import java.util.function.Supplier;

import org.consilium.cases.Assignment;
import org.consilium.cases.CaseAssignments;
import org.consilium.cases.CaseDetails;
import org.consilium.cases.Cases;
import org.consilium.identity.ConsiliumUser;
import org.consilium.records.NewRecord;
import org.consilium.records.RecordKind;
import org.consilium.records.Records;
import org.consilium.records.TestFiles;
import org.consilium.specialists.SpecialistDirectory;
import org.consilium.support.TestDatabase;
import org.consilium.support.Users;
import org.consilium.tenant.TenantContext;
import org.consilium.tenant.TenantId;
import org.consilium.tenantconfig.Role;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An Acme case ready for triage with a CT study in its records, and a radiologist and a
 * pathologist in Acme's pool who can sign in (directory entries of their own, linked to
 * test operator accounts, removed again by {@link #removeReaders()}).
 */
public final class RereadFixtures {

	public static final TenantId ACME = TenantId.of("acme");

	private final Cases cases;

	private final Records records;

	private final CaseAssignments assignments;

	private final SpecialistDirectory directory;

	private final PlatformTransactionManager transactionManager;

	public final ConsiliumUser patient;

	public final ConsiliumUser triage;

	public final ConsiliumUser reviewer;

	public final ConsiliumUser radiologist;

	public final ConsiliumUser pathologist;

	public final String radiologistId;

	public final String pathologistId;

	private final JdbcTemplate jdbc;

	public RereadFixtures(String prefix, ApplicationContext context) {
		this.cases = context.getBean(Cases.class);
		this.records = context.getBean(Records.class);
		this.assignments = context.getBean(CaseAssignments.class);
		this.directory = context.getBean(SpecialistDirectory.class);
		this.transactionManager = context.getBean(PlatformTransactionManager.class);
		this.jdbc = context.getBean(JdbcTemplate.class);
		this.patient = Users.user("acme", prefix + "-patient", Role.PATIENT);
		this.triage = Users.operator(prefix + "-triage", Role.TRIAGE);
		this.reviewer = Users.operator(prefix + "-reviewer", Role.SPECIALIST);
		this.radiologist = Users.operator(prefix + "-radiologist", Role.SPECIALIST);
		this.pathologist = Users.operator(prefix + "-pathologist", Role.SPECIALIST);
		String run = UUID.randomUUID().toString().substring(0, 8);
		this.radiologistId = prefix + "-rad-" + run;
		this.pathologistId = prefix + "-path-" + run;
	}

	/** The two readers, in Acme's pool, linked to their sign-in accounts. */
	public void addReaders() {
		addReader(this.radiologistId, "Ruth Radley", "radiology", this.radiologist);
		addReader(this.pathologistId, "Paul Pathe", "pathology", this.pathologist);
	}

	private void addReader(String id, String name, String specialty, ConsiliumUser account) {
		JdbcTemplate admin = TestDatabase.get().adminJdbc();
		admin.update("""
				insert into specialist (specialist_id, display_name, specialties, languages, jurisdictions)
				values (?, ?, array[?]::varchar[], '{en}', '{US}')
				""", id, name, specialty);
		admin.update("insert into specialist_pool_member (pool_id, specialist_id) values ('acme-panel', ?)", id);
		this.directory.linkAccount(id, account.id());
	}

	public void removeReaders() {
		JdbcTemplate admin = TestDatabase.get().adminJdbc();
		for (String id : new String[] { this.radiologistId, this.pathologistId }) {
			admin.update("delete from specialist_pool_member where specialist_id = ?", id);
			admin.update("delete from specialist where specialist_id = ?", id);
		}
	}

	/** A case with a CT study, ready for triage. */
	public CaseKey caseReadyForTriage() {
		CaseDetails draft = inAcme(this.patient,
				() -> this.cases.openDraft("cardiology", "Is the valve repair needed?"));
		inAcme(this.patient,
				() -> this.records.upload(draft.id(), new NewRecord(RecordKind.RADIOLOGY, "en", "IM0001.dcm"),
						new ByteArrayInputStream(TestFiles.dicom("CT", "20240315", "CT chest"))));
		TestDatabase.get()
			.adminJdbc()
			.update("update medical_case set status = 'READY_FOR_TRIAGE' where id = ?", draft.id().value());
		return new CaseKey(ACME, draft.reference());
	}

	/** Triage assigns the review to the reviewer, who accepts it. */
	public void reviewAccepted(CaseKey key) {
		var caseId = caseId(key);
		Assignment review = inAcme(this.triage, () -> this.assignments.assign(caseId, Assignment.Task.REVIEW, null,
				new Assignment.Assignee(this.reviewer.id(), this.reviewer.displayName(), null), "Valve disease"));
		inAcme(this.reviewer, () -> this.assignments.accept(caseId, review.id()));
	}

	public org.consilium.cases.CaseId caseId(CaseKey key) {
		return new org.consilium.cases.CaseId(TestDatabase.get()
			.adminJdbc()
			.queryForObject("select id from medical_case where tenant_id = 'acme' and reference = ?", UUID.class,
					key.reference().value()));
	}

	/** Runs as the user in Acme's partition, in one transaction. */
	public <T> T inAcme(ConsiliumUser user, Supplier<T> work) {
		return TenantContext.callAs(ACME, () -> Users.as(user,
				() -> new TransactionTemplate(this.transactionManager).execute((status) -> work.get())));
	}

	/**
	 * What the user's own transaction sees of the case by native SQL (row-level
	 * security).
	 */
	public long sqlCount(ConsiliumUser user, String sql, CaseKey key) {
		var caseId = caseId(key);
		return inAcme(user, () -> this.jdbc.queryForObject(sql, Long.class, caseId.value()));
	}

}
