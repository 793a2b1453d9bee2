package org.consilium.cases.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.consilium.cases.CaseReference;
import org.consilium.identity.ConsiliumUser;
import org.consilium.identity.DemoAccounts;
import org.consilium.tenant.Tenant;
import org.consilium.tenant.TenantContext;
import org.consilium.tenant.Tenants;
import org.consilium.tenantconfig.Role;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Development only: gives each demo patient a few draft cases so the case list has
 * something to show. Runs once per tenant (skipped when the tenant already has cases).
 */
@Component
@Profile("dev")
@org.springframework.core.annotation.Order(10)
class DemoCases implements ApplicationRunner {

	private static final List<String> QUESTIONS = List.of(
			"My cardiologist recommends an ablation for atrial fibrillation. Is it the right next step for me?",
			"Is the proposed chemotherapy regimen the best option for my stage of disease?",
			"Should I have knee replacement surgery now, or can physiotherapy still help?");

	private final Tenants tenants;

	private final DemoAccounts accounts;

	private final MedicalCaseRepository cases;

	private final TransactionTemplate transactions;

	private final Clock clock;

	DemoCases(Tenants tenants, DemoAccounts accounts, MedicalCaseRepository cases,
			PlatformTransactionManager transactionManager, Clock clock) {
		this.tenants = tenants;
		this.accounts = accounts;
		this.cases = cases;
		this.transactions = new TransactionTemplate(transactionManager);
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		for (Tenant tenant : this.tenants.all()) {
			TenantContext.runAs(tenant.id(), () -> this.transactions.executeWithoutResult((status) -> seed(tenant)));
		}
	}

	private void seed(Tenant tenant) {
		if (this.cases.count() > 0) {
			return;
		}
		ConsiliumUser patient = this.accounts.usersOf(tenant.id())
			.stream()
			.filter((user) -> user.has(Role.PATIENT))
			.findFirst()
			.orElseThrow();
		List<String> specialties = tenant.config().workflow().specialties();
		for (int i = 0; i < QUESTIONS.size(); i++) {
			this.cases.save(MedicalCase.draft(CaseReference.random(), specialties.get(i % specialties.size()),
					QUESTIONS.get(i), patient.id(), patient.displayName(),
					this.clock.instant().minus(Duration.ofDays(3L * (QUESTIONS.size() - i)))));
		}
	}

}
