package org.consilium.billing.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.stripe.model.Invoice;
import org.consilium.support.stripe.StripeServer;
import org.consilium.tenantconfig.Money;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway against the Stripe-shaped server: an invoice longer than the lines Stripe
 * embeds is read to its end, and making the same invoice again returns the first one.
 */
class StripeGatewayTest {

	private final StripeGateway gateway = new StripeGateway(new StripeProperties(StripeServer.get().apiKey(), "",
			StripeServer.get().baseUrl(), Duration.ofSeconds(300), Duration.ofSeconds(10)), Clock.systemUTC());

	@Test
	void every_item_of_a_long_invoice_is_found_and_the_invoice_is_made_once() {
		String run = UUID.randomUUID().toString();
		String customer = this.gateway.createCustomer("gw:" + run + ":customer", "billing@company.example", "Company",
				Map.of("tenant", "gateway-test"));
		List<String> created = new ArrayList<>();
		for (int i = 0; i < 23; i++) {
			created.add(
					this.gateway
						.invoiceItem("gw:" + run + ":item:" + i, customer,
								new Money(new BigDecimal("12.50"), Currency.getInstance("USD")), "Case " + i,
								Map.of("case", Integer.toString(i)))
						.getId());
		}
		Invoice invoice = this.gateway.finalisedInvoice("gw:" + run + ":invoice", customer, "November",
				Map.of("period", "2026-11"));
		assertThat(invoice.getStatus()).isEqualTo("open");
		assertThat(invoice.getLines().getHasMore()).as("Stripe embeds only the first lines").isTrue();
		assertThat(this.gateway.invoiceItemsOn(invoice)).containsExactlyInAnyOrderElementsOf(created);
		assertThat(invoice.getTotal()).isEqualTo(23 * 1_250L);

		Invoice again = this.gateway.finalisedInvoice("gw:" + run + ":invoice", customer, "November",
				Map.of("period", "2026-11"));
		assertThat(again.getId()).isEqualTo(invoice.getId());
		assertThat(StripeServer.get().invoices(customer)).hasSize(1);
	}

}
