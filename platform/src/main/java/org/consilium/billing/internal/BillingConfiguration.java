package org.consilium.billing.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Billing's scheduled work, as db-scheduler tasks (one node at a time, any node): the
 * charge worker, and the monthly finalising of employers' invoices (run daily; it
 * finalises every month that has ended).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StripeProperties.class)
class BillingConfiguration {

	@Bean
	RecurringTask<Void> billingCharges(ChargeWorker worker, StripeProperties properties) {
		return Tasks.recurring("billing-charges", FixedDelay.of(properties.workInterval()))
			.execute((instance, context) -> worker.workPending());
	}

	@Bean
	RecurringTask<Void> billingMonthlyInvoices(EmployerInvoices invoices) {
		return Tasks.recurring("billing-monthly-invoices", Schedules.daily(java.time.LocalTime.of(2, 0)))
			.execute((instance, context) -> invoices.finaliseEndedMonths());
	}

}
