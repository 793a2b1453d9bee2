package org.consilium.physician.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.consilium.cases.CaseDetails;
import org.consilium.cases.CaseRequest;
import org.consilium.cases.Cases;
import org.consilium.cases.ConsentSignature;
import org.consilium.identity.ConsiliumUser;
import org.consilium.support.TestCensus;
import org.consilium.support.Users;
import org.consilium.tenant.TenantContext;
import org.consilium.tenant.TenantId;
import org.consilium.tenant.Tenants;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * What the local doctor's tests need: submitted cases, work done as a user on a site (its
 * tenant, and its host for the links in e-mails), fresh addresses.
 */
public final class DoctorFixtures {

	public static final String PASSWORD = org.consilium.support.TestPasswords.generate();

	private DoctorFixtures() {
	}

	public static String newAddress() {
		return "doctor-" + UUID.randomUUID().toString().substring(0, 8) + "@clinic.example";
	}

	/** Runs as a request by the user to the tenant's site would. */
	public static <T> T onSite(String tenant, ConsiliumUser user, Supplier<T> work) {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setServerName(tenant + ".localhost");
		request.setServerPort(8080);
		RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
		try {
			return TenantContext.callAs(TenantId.of(tenant), () -> (user != null) ? Users.as(user, work) : work.get());
		}
		finally {
			RequestContextHolder.resetRequestAttributes();
		}
	}

	/** A case the patient has submitted, with the consents their programme asks for. */
	public static CaseDetails submittedCase(Cases cases, Tenants tenants, String tenant, ConsiliumUser patient) {
		TestCensus.cover(tenant, patient);
		return onSite(tenant, patient, () -> {
			CaseDetails draft = cases.openDraft("cardiology", "Is the valve repair needed?");
			cases.saveDraft(draft.id(), new CaseRequest("cardiology", List.of("Is the valve repair needed?"), Map.of(),
					"Short of breath on stairs", "Murmur since 2020", "None", "None", "None", null));
			return cases.submit(draft.id(),
					tenants.current()
						.config()
						.workflow()
						.requiredConsents()
						.stream()
						.map((consent) -> new ConsentSignature(consent.id(), patient.displayName(), Locale.ENGLISH))
						.toList());
		});
	}

	public static String token(String link) {
		return link.substring(link.lastIndexOf('/') + 1);
	}

}
