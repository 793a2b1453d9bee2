package org.consilium.notify.internal;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The development mailbox exists in the {@code dev} profile only, and there only when
 * configured: its page shows every programme's e-mails, reset links included, to anyone
 * who opens it. Outside the dev profile the configured transport cannot find it and the
 * start fails ({@link MailConfiguration}).
 */
@Configuration(proxyBeanMethods = false)
@Profile("dev")
class DevMailboxConfiguration {

	@Bean
	@Conditional(DevMailboxConfigured.class)
	InMemoryDevMailbox devMailbox() {
		return new InMemoryDevMailbox();
	}

	/**
	 * Whether {@code consilium.notify.transport} says {@code DEV_MAILBOX}, bound as
	 * {@link NotifyProperties} binds it (so any spelling it accepts counts here too).
	 */
	static class DevMailboxConfigured implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return Binder.get(context.getEnvironment())
				.bind("consilium.notify.transport", NotifyProperties.Transport.class)
				.map((transport) -> transport == NotifyProperties.Transport.DEV_MAILBOX)
				.orElse(false);
		}

	}

}
