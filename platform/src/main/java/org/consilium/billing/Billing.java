package org.consilium.billing;

import java.time.Instant;
import java.util.List;

import org.consilium.cases.CaseReference;
import org.consilium.tenant.TenantId;
import org.consilium.tenantconfig.Money;

import org.springframework.security.access.prepost.PreAuthorize;

/**
 * What the programmes' published cases owe, across programmes, for platform admins.
 */
public interface Billing {

	/** Whether a payment provider is configured (Stripe keys present). */
	boolean providerConfigured();

	/** Cases waiting for payment in every programme, oldest first. */
	@PreAuthorize("hasRole('PLATFORM_ADMIN')")
	List<AwaitingPayment> awaitingPayment();

	/**
	 * Records that the case's bill was settled outside Consilium (no charge is made
	 * here); audited with the reason. The case closes if its opinion has been delivered.
	 * @throws BillingProblem if the reason is missing or the case owes nothing now
	 */
	@PreAuthorize("hasRole('PLATFORM_ADMIN')")
	void markSettled(TenantId tenant, CaseReference reference, String reason);

	/**
	 * Cancels a case of a programme at the patient's or the company's request, with a
	 * reason (audited); what it then owes or gets back follows the programme's
	 * cancellation rules for the stage it was at.
	 * @throws BillingProblem if the reason is missing or the case is closed or cancelled
	 */
	@PreAuthorize("hasRole('PLATFORM_ADMIN')")
	void cancelCase(TenantId tenant, CaseReference reference, String reason);

	/**
	 * A published case that owes.
	 *
	 * @param state {@code AWAITING_PAYMENT} or {@code PAYMENT_ACTION_NEEDED} (a charge
	 * needs the patient)
	 */
	record AwaitingPayment(TenantId tenant, String programme, CaseReference reference, Money amount, String payer,
			Instant since, String state) {
	}

}
