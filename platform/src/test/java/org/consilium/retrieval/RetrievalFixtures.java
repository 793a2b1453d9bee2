package org.consilium.retrieval;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.consilium.cases.CaseDetails;
import org.consilium.cases.CaseRequest;
import org.consilium.cases.Cases;
import org.consilium.cases.ConsentSignature;
import org.consilium.identity.ConsiliumUser;
import org.consilium.identity.Demographics;
import org.consilium.identity.PatientProfiles;
import org.consilium.support.TestCensus;
import org.consilium.support.Users;
import org.consilium.tenant.TenantContext;
import org.consilium.tenant.TenantId;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Submitted cases and filled-in authorisations for the retrieval tests.
 */
public final class RetrievalFixtures {

	public static final String PARTNER = "requests@retrieval.example";

	private RetrievalFixtures() {
	}

	/** A submitted public-tenant case of the patient, with their demographics saved. */
	public static CaseDetails submittedCase(TenantId tenant, ConsiliumUser patient, Cases cases,
			PatientProfiles profiles) {
		return TenantContext.callAs(tenant, () -> Users.as(patient, () -> {
			profiles.saveOwn(new Demographics(patient.displayName() + " Legal", LocalDate.of(1968, 2, 14),
					Demographics.Sex.FEMALE, "3 Main Street", "Springfield", "MA", "01101", "US", "+1 617 555 0102",
					"en", null));
			TestCensus.cover(tenant.value(), patient);
			CaseDetails draft = cases.openDraft("cardiology", "Is my pacemaker still right for me?");
			cases.saveDraft(draft.id(), new CaseRequest("cardiology", List.of("Is my pacemaker still right for me?"),
					Map.of(), "Dizzy spells.", null, null, null, null, null));
			return cases.submit(draft.id(), List.of(new ConsentSignature("telemedicine", patient.displayName(), null),
					new ConsentSignature("records-release", patient.displayName(), null)));
		}));
	}

	public static RetrievalAuthorisation authorisation(String signedName) {
		return new RetrievalAuthorisation(
				List.of(new Facility("St. Elsewhere Hospital", "1 Hospital Road, Boston MA", "+1 617 555 0199",
						LocalDate.of(2024, 3, 1), LocalDate.of(2024, 9, 30))),
				Set.of(RecordKind.IMAGING_REPORTS, RecordKind.DISCHARGE_SUMMARIES), "Holter monitor strips, May 2024",
				signedName, Locale.ENGLISH);
	}

	/** Runs as a request to the tenant's site would: its tenant, its host for links. */
	public static <T> T onSite(TenantId tenant, ConsiliumUser user, Supplier<T> work) {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setServerName(tenant.value() + ".localhost");
		request.setServerPort(8080);
		RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
		try {
			return TenantContext.callAs(tenant, () -> Users.as(user, work));
		}
		finally {
			RequestContextHolder.resetRequestAttributes();
		}
	}

}
