package org.consilium.physician.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.consilium.cases.CasePhysicians;
import org.consilium.cases.CaseStatus;
import org.consilium.cases.CaseSummary;
import org.consilium.cases.Cases;
import org.consilium.identity.ConsiliumUser;
import org.consilium.identity.DemoAccounts;
import org.consilium.tenant.Tenant;
import org.consilium.tenant.TenantContext;
import org.consilium.tenantconfig.Role;
import org.consilium.tenantconfig.Workflow;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Development only: in each programme that has the local doctor take part, the demo
 * doctor has joined the demo patient's submitted case, as if invited and accepted (no
 * e-mail, and no usable link: the token is thrown away). Runs after the demo cases, once
 * per tenant (skipped when the tenant has any invitation).
 */
@Component
@Profile("dev")
@Order(20)
class DemoDoctors implements ApplicationRunner {

	private final DemoAccounts accounts;

	private final Cases cases;

	private final CasePhysicians physicians;

	private final InvitationRepository invitations;

	private final PhysicianProperties properties;

	private final Clock clock;

	private final TransactionTemplate transactions;

	DemoDoctors(DemoAccounts accounts, Cases cases, CasePhysicians physicians, InvitationRepository invitations,
			PhysicianProperties properties, Clock clock, PlatformTransactionManager transactionManager) {
		this.accounts = accounts;
		this.cases = cases;
		this.physicians = physicians;
		this.invitations = invitations;
		this.properties = properties;
		this.clock = clock;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	@Override
	public void run(ApplicationArguments args) {
		for (Tenant tenant : this.accounts.programmes()) {
			if (tenant.config().workflow().doctorParticipation() == Workflow.DoctorParticipation.SKIPPED) {
				continue;
			}
			TenantContext.runAs(tenant.id(), () -> this.transactions.executeWithoutResult((status) -> seed(tenant)));
		}
	}

	private void seed(Tenant tenant) {
		if (this.invitations.count() > 0) {
			return;
		}
		Optional<ConsiliumUser> patient = demoUser(tenant, Role.PATIENT);
		Optional<ConsiliumUser> doctor = demoUser(tenant, Role.REFERRING_PHYSICIAN);
		if (patient.isEmpty() || doctor.isEmpty()) {
			return;
		}
		var previous = SecurityContextHolder.getContext();
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(
				UsernamePasswordAuthenticationToken.authenticated(patient.get(), null, patient.get().getAuthorities()));
		SecurityContextHolder.setContext(context);
		try {
			Optional<CaseSummary> submitted = this.cases.list()
				.stream()
				.filter((c) -> c.status() != CaseStatus.DRAFT && c.status().isOpen())
				.findFirst();
			if (submitted.isEmpty()) {
				return;
			}
			Instant now = this.clock.instant();
			Invitation invitation = this.invitations
				.save(new Invitation(submitted.get().id(), submitted.get().reference(), Tokens.hash(Tokens.newToken()),
						doctor.get().displayName(), doctor.get().username(), tenant.config().displayName(),
						patient.get().id(), now, now.plus(this.properties.invitationValidity())));
			this.physicians.physicianInvited(submitted.get().id(), doctor.get().displayName());
			this.invitations.accept(invitation.id(), doctor.get().id(), now);
			this.physicians.attachPhysician(submitted.get().id(), doctor.get().id());
		}
		finally {
			SecurityContextHolder.setContext(previous);
		}
	}

	private Optional<ConsiliumUser> demoUser(Tenant tenant, Role role) {
		return this.accounts.usersOf(tenant.id()).stream().filter((user) -> user.has(role)).findFirst();
	}

}
