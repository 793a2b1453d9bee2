package org.consilium.billing.internal;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.stripe.model.checkout.Session;
import org.consilium.billing.BillingProblem;
import org.consilium.billing.Payments;
import org.consilium.cases.CaseNotFoundException;
import org.consilium.cases.CaseReference;
import org.consilium.identity.CurrentUser;
import org.consilium.tenant.Tenants;
import org.consilium.tenantconfig.TenantConfig;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The patient's side of billing, for their own cases only (another patient's case, or a
 * case of another programme, is "not found").
 */
@Service
class PaymentsService implements Payments {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PaymentsService.class);

	private final CaseFacts cases;

	private final ChargeStore charges;

	private final StripeCustomers customers;

	private final StripeGateway gateway;

	private final Checkouts checkouts;

	private final Tenants tenants;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	private final CaseTerms terms;

	PaymentsService(CaseFacts cases, ChargeStore charges, StripeCustomers customers, StripeGateway gateway,
			Checkouts checkouts, Tenants tenants, JdbcTemplate jdbc, Clock clock, CaseTerms terms) {
		this.cases = cases;
		this.charges = charges;
		this.customers = customers;
		this.gateway = gateway;
		this.checkouts = checkouts;
		this.tenants = tenants;
		this.jdbc = jdbc;
		this.clock = clock;
		this.terms = terms;
	}

	@Override
	@Transactional(readOnly = true)
	public CaseBill bill(CaseReference reference) {
		CaseFacts.Facts facts = own(reference);
		TenantConfig tenant = this.tenants.current().config();
		boolean cardSaved = this.customers.patient(facts.patientId())
			.map(StripeCustomers.Customer::hasCard)
			.orElse(false);
		BillState state = this.jdbc
			.queryForList("select state from billing_item where case_id = ?", String.class, facts.caseId().value())
			.stream()
			.findFirst()
			.map(BillState::valueOf)
			.orElse(BillState.NOT_YET_DUE);
		List<Line> lines = this.charges.ofCase(facts.caseId())
			.stream()
			.filter((charge) -> charge.kind().patientCard() || charge.kind() == Charge.Kind.REFUND)
			.map(PaymentsService::line)
			.toList();
		var terms = this.terms.of(facts.caseId());
		return new CaseBill(reference, this.gateway.configured(), terms.payer().patientPays(), cardSaved, state, lines,
				terms.patientShare(facts.specialty(), java.util.Set.of()));
	}

	@Override
	@Transactional
	public URI checkout(CaseReference reference, String returnUrl, String cancelUrl) {
		try {
			return startCheckout(reference, returnUrl, cancelUrl);
		}
		catch (PaymentProviderException ex) {
			// Nothing is kept: the transaction rolls back, and a retry reuses Stripe's
			// customer through its idempotency key.
			log.warn("Checkout for {} could not be started: {}", reference, ex.getMessage());
			throw new BillingProblem("billing.error.provider-unavailable");
		}
	}

	private URI startCheckout(CaseReference reference, String returnUrl, String cancelUrl) {
		CaseFacts.Facts facts = own(reference);
		TenantConfig tenant = this.tenants.current().config();
		if (!this.gateway.configured()) {
			throw new BillingProblem("billing.error.not-configured");
		}
		var terms = this.terms.of(facts.caseId());
		if (!terms.payer().patientPays()) {
			throw new BillingProblem("billing.error.nothing-to-pay");
		}
		StripeCustomers.Customer customer = this.customers.patientOrCreate(facts.patientId());
		Map<String, String> metadata = Map.of("tenant", tenant.slug(), "case", facts.caseId().value().toString(),
				"reference", reference.value(), "user", facts.patientId());
		Optional<Charge> owed = this.charges.ofCase(facts.caseId())
			.stream()
			.filter((charge) -> charge.kind().patientCard() && charge.state() == Charge.State.ACTION_NEEDED)
			.findFirst()
			.flatMap((charge) -> this.charges.lock(charge.caseId(), charge.kind()))
			.filter((charge) -> charge.state() == Charge.State.ACTION_NEEDED);
		if (owed.isPresent()) {
			return URI.create(payment(tenant, owed.get(), customer, metadata, returnUrl, cancelUrl).getUrl());
		}
		boolean settled = this.jdbc
			.queryForList("select state from billing_item where case_id = ?", String.class, facts.caseId().value())
			.stream()
			.anyMatch((state) -> !"AWAITING_PAYMENT".equals(state));
		if (customer.hasCard() || settled) {
			throw new BillingProblem("billing.error.nothing-to-pay");
		}
		// A new session per request: saving a card moves no money, and an abandoned
		// session simply expires at Stripe.
		Session session = this.gateway.setupCheckout(
				"consilium:" + tenant.slug() + ":" + facts.caseId().value() + ":setup:" + UUID.randomUUID(),
				customer.stripeId(), terms.currency().getCurrencyCode().toLowerCase(java.util.Locale.ROOT), returnUrl,
				cancelUrl, metadata);
		return URI.create(session.getUrl());
	}

	/**
	 * The one open Checkout session of the charge, or a new one: the charge's row is
	 * locked, so two clicks cannot open two sessions that could both be paid.
	 */
	private Session payment(TenantConfig tenant, Charge charge, StripeCustomers.Customer customer,
			Map<String, String> caseMetadata, String returnUrl, String cancelUrl) {
		if (charge.checkoutId() != null) {
			Session existing = this.gateway.checkoutSession(charge.checkoutId());
			if ("open".equals(existing.getStatus())) {
				return existing;
			}
			if ("complete".equals(existing.getStatus())) {
				this.checkouts.sessionCompleted(existing.getId());
				throw new BillingProblem("billing.error.nothing-to-pay");
			}
		}
		Map<String, String> metadata = new java.util.HashMap<>(caseMetadata);
		metadata.put("kind", charge.kind().name());
		metadata.put("attempt", Integer.toString(charge.attempt()));
		Session session = this.gateway.paymentCheckout(
				charge.idempotencyKey(tenant.slug()) + ":checkout:" + UUID.randomUUID(), customer.stripeId(),
				charge.amount(), tenant.displayName() + " " + caseMetadata.get("reference"), returnUrl, cancelUrl,
				metadata, true);
		this.charges.checkout(charge.caseId(), charge.kind(), session.getId(), this.clock.instant());
		return session;
	}

	@Override
	@Transactional
	public CaseBill returned(CaseReference reference, String checkoutSessionId) {
		own(reference);
		if (checkoutSessionId != null && checkoutSessionId.startsWith("cs_") && this.gateway.configured()) {
			try {
				this.checkouts.sessionCompleted(checkoutSessionId);
			}
			catch (PaymentProviderException ex) {
				// Stripe's webhook reports it as well; until then the page says
				// "processing".
				log.warn("Checkout session {} could not be read now: {}", checkoutSessionId, ex.getMessage());
			}
		}
		return bill(reference);
	}

	private CaseFacts.Facts own(CaseReference reference) {
		String user = CurrentUser.find().map((u) -> u.id()).orElse(null);
		return this.cases.of(reference)
			.filter((facts) -> facts.patientId().equals(user))
			.orElseThrow(() -> new CaseNotFoundException(reference));
	}

	private static Line line(Charge charge) {
		LineState state = switch (charge.state()) {
			case PENDING -> LineState.PENDING;
			case ACTION_NEEDED -> LineState.ACTION_NEEDED;
			case SUCCEEDED -> LineState.PAID;
			case CANCELLED -> LineState.CANCELLED;
		};
		return new Line(LineKind.valueOf(charge.kind().name()), charge.amount(), state, charge.succeededAt(),
				charge.stripeId(), charge.failureCode());
	}

}
