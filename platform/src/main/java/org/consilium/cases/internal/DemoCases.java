package org.consilium.cases.internal;

import java.util.List;
import java.util.Map;

import org.consilium.cases.CaseDetails;
import org.consilium.cases.CaseRequest;
import org.consilium.cases.Cases;
import org.consilium.cases.ConsentSignature;
import org.consilium.identity.ConsiliumUser;
import org.consilium.identity.DemoAccounts;
import org.consilium.tenant.Tenant;
import org.consilium.tenant.TenantContext;
import org.consilium.tenantconfig.Role;
import org.consilium.tenantconfig.Workflow;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Development only: each demo patient has one submitted request and one draft, made the
 * way the patient would make them (through the cases service, as the patient), so the
 * case page, its timeline and the wizard have something to show. Runs once per tenant
 * (skipped when the tenant already has cases).
 */
@Component
@Profile("dev")
@org.springframework.core.annotation.Order(10)
class DemoCases implements ApplicationRunner {

	private final DemoAccounts accounts;

	private final MedicalCaseRepository repository;

	private final Cases cases;

	private final TransactionTemplate transactions;

	DemoCases(DemoAccounts accounts, MedicalCaseRepository repository, Cases cases,
			PlatformTransactionManager transactionManager) {
		this.accounts = accounts;
		this.repository = repository;
		this.cases = cases;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	@Override
	public void run(ApplicationArguments args) {
		for (Tenant tenant : this.accounts.programmes()) {
			TenantContext.runAs(tenant.id(), () -> this.transactions.executeWithoutResult((status) -> seed(tenant)));
		}
	}

	private void seed(Tenant tenant) {
		if (this.repository.count() > 0) {
			return;
		}
		ConsiliumUser patient = this.accounts.usersOf(tenant.id())
			.stream()
			.filter((user) -> user.has(Role.PATIENT))
			.findFirst()
			.orElseThrow();
		var previous = SecurityContextHolder.getContext();
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(
				UsernamePasswordAuthenticationToken.authenticated(patient, null, patient.getAuthorities()));
		SecurityContextHolder.setContext(context);
		try {
			Workflow workflow = tenant.config().workflow();
			String first = workflow.specialties().contains("cardiology") ? "cardiology" : workflow.specialties().get(0);
			CaseDetails submitted = this.cases.openDraft(first, "");
			this.cases.saveDraft(submitted.id(), new CaseRequest(first, List.of(
					"My cardiologist recommends an ablation for atrial fibrillation. Is it the right next step for me?",
					"Are there risks in waiting six months?"), Map.of(),
					"Palpitations and shortness of breath on stairs, every few days since March.",
					"High blood pressure for ten years. My father had a stroke at 70.",
					"Metoprolol 50 mg twice daily\nApixaban 5 mg twice daily", "Penicillin (rash)",
					"Two cardioversions (May and August); the rhythm came back within weeks.", null));
			this.cases.submit(submitted.id(),
					workflow.requiredConsents()
						.stream()
						.map((consent) -> new ConsentSignature(consent.id(), patient.displayName(),
								tenant.config().defaultLocale()))
						.toList());
			String second = workflow.specialties().get(workflow.specialties().size() > 1 ? 1 : 0);
			CaseDetails draft = this.cases.openDraft(second, "");
			this.cases.saveDraft(draft.id(),
					new CaseRequest(second, List.of("Is the proposed treatment the best option for me?"), Map.of(),
							null, null, null, null, null, null));
		}
		finally {
			SecurityContextHolder.setContext(previous);
		}
	}

}
