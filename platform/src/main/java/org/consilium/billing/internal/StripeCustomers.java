package org.consilium.billing.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import org.consilium.identity.Contacts;
import org.consilium.tenant.TenantContext;
import org.consilium.tenantconfig.TenantConfig;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The Stripe customers of the current tenant: one per patient (with the card they saved
 * through Checkout) and one for the company that pays for its employees. Created at
 * Stripe with an idempotency key naming the person, so two nodes racing create one
 * customer.
 */
@Component
class StripeCustomers {

	private final JdbcTemplate jdbc;

	private final StripeGateway gateway;

	private final Contacts contacts;

	private final Clock clock;

	StripeCustomers(JdbcTemplate jdbc, StripeGateway gateway, Contacts contacts, Clock clock) {
		this.jdbc = jdbc;
		this.gateway = gateway;
		this.contacts = contacts;
		this.clock = clock;
	}

	Optional<Customer> patient(String userId) {
		return this.jdbc
			.query("select stripe_customer_id, payment_method_id from billing_customer where user_id = ?",
					(row, n) -> new Customer(row.getString(1), row.getString(2)), userId)
			.stream()
			.findFirst();
	}

	/** The patient's Stripe customer, created on first use. */
	Customer patientOrCreate(String userId) {
		Optional<Customer> existing = patient(userId);
		if (existing.isPresent()) {
			return existing.get();
		}
		String tenant = TenantContext.current().value();
		Optional<Contacts.Contact> contact = this.contacts.find(userId);
		String id = this.gateway.createCustomer("consilium:" + tenant + ":customer:" + userId,
				contact.map(Contacts.Contact::email).orElse(null),
				contact.map(Contacts.Contact::displayName).orElse(null), Map.of("tenant", tenant, "user", userId));
		this.jdbc.update("""
				insert into billing_customer (tenant_id, user_id, stripe_customer_id, created_at)
				values (current_setting('app.tenant_id'), ?, ?, ?) on conflict do nothing
				""", userId, id, Timestamp.from(this.clock.instant()));
		return patient(userId).orElseThrow();
	}

	/** Keeps the card the patient saved (a Stripe payment method id, never card data). */
	void saveCard(String userId, String paymentMethodId) {
		this.jdbc.update("update billing_customer set payment_method_id = ?, card_saved_at = ? where user_id = ?",
				paymentMethodId, Timestamp.from(this.clock.instant()), userId);
	}

	/** The company's Stripe customer, created on first use. */
	String employerOrCreate(TenantConfig tenant) {
		Optional<String> existing = employer();
		if (existing.isPresent()) {
			return existing.get();
		}
		String id = this.gateway.createCustomer("consilium:" + tenant.slug() + ":employer",
				tenant.branding().support().email(), tenant.displayName(),
				Map.of("tenant", tenant.slug(), "role", "employer"));
		this.jdbc.update("""
				insert into billing_employer (tenant_id, stripe_customer_id, created_at)
				values (current_setting('app.tenant_id'), ?, ?) on conflict do nothing
				""", id, Timestamp.from(this.clock.instant()));
		return employer().orElseThrow();
	}

	Optional<String> employer() {
		return this.jdbc.queryForList("select stripe_customer_id from billing_employer", String.class)
			.stream()
			.findFirst();
	}

	record Customer(String stripeId, String paymentMethodId) {

		boolean hasCard() {
			return this.paymentMethodId != null;
		}

	}

}
