package org.consilium.billing.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import com.stripe.exception.EventDataObjectDeserializationException;
import com.stripe.model.Event;
import com.stripe.model.Invoice;
import com.stripe.model.PaymentIntent;
import com.stripe.model.StripeObject;
import com.stripe.model.checkout.Session;
import org.consilium.tenant.TenantContext;
import org.consilium.tenant.TenantId;
import org.consilium.tenant.Tenants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Handles verified Stripe events at least once delivered, in any order. The event id is
 * recorded in the same transaction as its effect, so a repeat delivery finds it and
 * changes nothing, and a failed handling leaves no record and is handled again when
 * Stripe retries. Effects re-read the object from Stripe (see {@link Checkouts}). Event
 * types Consilium does not use are acknowledged and ignored.
 */
@Component
class StripeEvents {

	private static final Logger log = LoggerFactory.getLogger(StripeEvents.class);

	private final JdbcTemplate jdbc;

	private final Checkouts checkouts;

	private final EmployerInvoices invoices;

	private final StripeGateway gateway;

	private final Tenants tenants;

	private final TransactionTemplate transactions;

	private final Clock clock;

	StripeEvents(JdbcTemplate jdbc, Checkouts checkouts, EmployerInvoices invoices, StripeGateway gateway,
			Tenants tenants, PlatformTransactionManager transactionManager, Clock clock) {
		this.jdbc = jdbc;
		this.checkouts = checkouts;
		this.invoices = invoices;
		this.gateway = gateway;
		this.tenants = tenants;
		this.transactions = new TransactionTemplate(transactionManager);
		this.clock = clock;
	}

	/**
	 * @return whether the event was handled now (false: seen before)
	 */
	boolean handle(Event event) {
		StripeObject object = object(event).orElse(null);
		Runnable effect = effect(event.getType(), object);
		Optional<TenantId> tenant = tenantOf(object);
		if (effect == null || tenant.isEmpty()) {
			if (effect != null) {
				log.warn("Stripe event {} ({}) names no programme of Consilium; acknowledged", event.getId(),
						event.getType());
			}
			return TenantContext.callAs(TenantId.PLATFORM,
					() -> Boolean.TRUE.equals(this.transactions.execute((status) -> firstTime(event))));
		}
		return TenantContext.callAs(tenant.get(), () -> Boolean.TRUE.equals(this.transactions.execute((status) -> {
			if (!firstTime(event)) {
				return false;
			}
			effect.run();
			return true;
		})));
	}

	private Runnable effect(String type, StripeObject object) {
		return switch (type) {
			case "checkout.session.completed", "checkout.session.async_payment_succeeded",
					"checkout.session.async_payment_failed" ->
				(object instanceof Session session) ? () -> this.checkouts.sessionCompleted(session.getId()) : null;
			case "payment_intent.succeeded", "payment_intent.payment_failed", "payment_intent.canceled" ->
				(object instanceof PaymentIntent intent) ? () -> this.checkouts.paymentIntentChanged(intent.getId())
						: null;
			case "invoice.finalized", "invoice.paid", "invoice.voided", "invoice.marked_uncollectible" ->
				(object instanceof Invoice invoice) ? () -> {
					Invoice current = this.gateway.invoice(invoice.getId());
					this.invoices.refresh(current.getId(), current.getStatus());
				} : null;
			default -> null;
		};
	}

	private boolean firstTime(Event event) {
		return this.jdbc.update(
				"insert into stripe_event (id, type, received_at) values (?, ?, ?) on conflict (id) do nothing",
				event.getId(), event.getType(), Timestamp.from(this.clock.instant())) == 1;
	}

	private Optional<TenantId> tenantOf(StripeObject object) {
		Map<String, String> metadata = null;
		if (object instanceof Session session) {
			metadata = session.getMetadata();
		}
		else if (object instanceof PaymentIntent intent) {
			metadata = intent.getMetadata();
		}
		else if (object instanceof Invoice invoice) {
			metadata = invoice.getMetadata();
		}
		String slug = (metadata != null) ? metadata.get("tenant") : null;
		if (slug == null) {
			return Optional.empty();
		}
		try {
			TenantId id = TenantId.of(slug);
			return this.tenants.find(id).map((tenant) -> id);
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	private static Optional<StripeObject> object(Event event) {
		Optional<StripeObject> object = event.getDataObjectDeserializer().getObject();
		if (object.isPresent()) {
			return object;
		}
		try {
			// An event of another API version: its object may still be readable.
			return Optional.of(event.getDataObjectDeserializer().deserializeUnsafe());
		}
		catch (EventDataObjectDeserializationException | RuntimeException ex) {
			return Optional.empty();
		}
	}

}
