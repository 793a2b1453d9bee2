package org.consilium.notify.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The outbox dispatcher as a db-scheduler recurring task: one node at a time runs it, on
 * any node.
 */
@Configuration(proxyBeanMethods = false)
class OutboxSchedule {

	@Bean
	RecurringTask<Void> outboxDispatch(OutboxDispatcher dispatcher, NotifyProperties properties) {
		return Tasks.recurring("outbox-dispatch", FixedDelay.of(properties.dispatchInterval()))
			.execute((instance, context) -> dispatcher.dispatchDue());
	}

}
