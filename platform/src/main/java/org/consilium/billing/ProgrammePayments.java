package org.consilium.billing;

import java.time.Instant;
import java.util.List;

import org.consilium.cases.CaseReference;
import org.consilium.tenantconfig.Money;

import org.springframework.security.access.prepost.PreAuthorize;

/**
 * A programme's payments for its tenant admins: each completed case's bill with its
 * charges, and the company's invoices with the cases on each. Amounts and case references
 * only, no clinical content.
 */
public interface ProgrammePayments {

	/** Whether a payment provider is configured. */
	boolean providerConfigured();

	/** The current programme's bills, newest first. */
	@PreAuthorize("hasRole('TENANT_ADMIN')")
	List<CaseBillSummary> bills(int limit);

	/** The current programme's employer invoices, newest first. */
	@PreAuthorize("hasRole('TENANT_ADMIN')")
	List<EmployerInvoice> invoices();

	/**
	 * @param state {@code AWAITING_PAYMENT}, {@code PAYMENT_ACTION_NEEDED},
	 * {@code SETTLED} or {@code CANCELLED}
	 */
	record CaseBillSummary(CaseReference reference, String state, Money total, Instant completedAt,
			List<ChargeLine> charges) {
	}

	/**
	 * @param kind {@code PROCESSING_FEE}, {@code CASE_PRICE}, {@code COPAY},
	 * {@code EMPLOYER} or {@code REFUND}
	 * @param state {@code PENDING}, {@code ACTION_NEEDED}, {@code SUCCEEDED} or
	 * {@code CANCELLED}
	 * @param invoiceNumber the employer invoice an employer line went on, if any yet
	 */
	record ChargeLine(String kind, Money amount, String state, Instant at, String stripeId, String invoiceNumber) {
	}

	/**
	 * @param cases the cases whose employer lines are on the invoice
	 */
	record EmployerInvoice(String number, String period, String status, Money total, Instant finalisedAt,
			String hostedUrl, List<CaseReference> cases) {
	}

}
