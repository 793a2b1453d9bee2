package org.consilium.physician.internal;

import java.util.List;
import java.util.Optional;

import org.consilium.cases.CaseAccess;
import org.consilium.cases.CaseDetails;
import org.consilium.cases.CaseNotFoundException;
import org.consilium.cases.CaseReference;
import org.consilium.cases.CaseSummary;
import org.consilium.cases.Cases;
import org.consilium.identity.ConsiliumUser;
import org.consilium.identity.CurrentUser;
import org.consilium.tenant.Tenants;
import org.consilium.tenantconfig.Role;
import org.consilium.tenantconfig.Workflow;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Finds a case by its reference for the doctor's pages. A patient or staff member goes
 * through {@link Cases}; a doctor reaches only the cases they joined by an invitation,
 * checked again by {@link CaseAccess}. Anything else, and everything where the programme
 * skips the doctor, is "not found".
 * <p>
 * Each look-up runs in a transaction of its own: "not found" is an exception in the cases
 * module, and it would otherwise mark the caller's transaction for rollback.
 */
@Service
public class DoctorCases {

	private final Cases cases;

	private final CaseAccess access;

	private final InvitationRepository invitations;

	private final Tenants tenants;

	private final TransactionTemplate separately;

	DoctorCases(Cases cases, CaseAccess access, InvitationRepository invitations, Tenants tenants,
			PlatformTransactionManager transactionManager) {
		this.separately = new TransactionTemplate(transactionManager);
		this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.cases = cases;
		this.access = access;
		this.invitations = invitations;
		this.tenants = tenants;
	}

	/** Whether the programme has the local doctor take part at all. */
	public boolean doctorTakesPart() {
		return this.tenants.current().config().workflow().doctorParticipation() != Workflow.DoctorParticipation.SKIPPED;
	}

	public Optional<DoctorCase> find(String referenceText) {
		return this.separately.execute((status) -> lookUp(referenceText, status));
	}

	private Optional<DoctorCase> lookUp(String referenceText, TransactionStatus status) {
		Optional<ConsiliumUser> user = CurrentUser.find();
		Optional<CaseReference> reference = CaseReference.parse(referenceText);
		if (user.isEmpty() || reference.isEmpty() || !doctorTakesPart()) {
			return Optional.empty();
		}
		try {
			if (user.get().has(Role.REFERRING_PHYSICIAN)) {
				return this.invitations.findFirstByCaseReferenceAndAcceptedBy(reference.get().value(), user.get().id())
					.map((invitation) -> asDoctor(this.access.requireRead(invitation.caseId())));
			}
			if (user.get().has(Role.PATIENT) || user.get().has(Role.CASE_COORDINATOR)
					|| user.get().has(Role.TENANT_ADMIN)) {
				CaseDetails details = this.cases.get(reference.get());
				return Optional.of(new DoctorCase(details.id(), details.reference(), details.status(),
						details.patientName(), false));
			}
		}
		catch (CaseNotFoundException ex) {
			// Quietly: the cases module has marked this transaction for rollback.
			status.setRollbackOnly();
			return Optional.empty();
		}
		return Optional.empty();
	}

	/** The cases the signed-in doctor joined, newest first. */
	public List<DoctorCase> mine() {
		ConsiliumUser user = CurrentUser.require();
		List<org.consilium.cases.CaseId> joined = this.separately
			.execute((status) -> this.invitations.findByAcceptedByOrderByAcceptedAtDesc(user.id())
				.stream()
				.map(Invitation::caseId)
				.toList());
		return joined.stream().flatMap((id) -> {
			try {
				return java.util.stream.Stream
					.of(asDoctor(this.separately.execute((status) -> this.access.requireRead(id))));
			}
			catch (CaseNotFoundException ex) {
				return java.util.stream.Stream.empty();
			}
		}).toList();
	}

	private static DoctorCase asDoctor(CaseSummary summary) {
		return new DoctorCase(summary.id(), summary.reference(), summary.status(), summary.patientName(), true);
	}

}
