package org.consilium.notify.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The outbox dispatcher as a db-scheduler recurring task: one node at a time runs it, on
 * any node. A node can leave it to the others
 * ({@code consilium.notify.scheduled-dispatch=false}): tests whose context keeps e-mails
 * in the development mailbox must not pick up messages other tests wait for in the real
 * SMTP server.
 */
@Configuration(proxyBeanMethods = false)
class OutboxSchedule {

	@Bean
	@org.springframework.boot.autoconfigure.condition.ConditionalOnProperty(
			name = "consilium.notify.scheduled-dispatch", havingValue = "true", matchIfMissing = true)
	RecurringTask<Void> outboxDispatch(OutboxDispatcher dispatcher, NotifyProperties properties) {
		return Tasks.recurring("outbox-dispatch", FixedDelay.of(properties.dispatchInterval()))
			.execute((instance, context) -> dispatcher.dispatchDue());
	}

}
