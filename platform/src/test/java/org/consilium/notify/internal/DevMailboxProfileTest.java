package org.consilium.notify.internal;

import java.util.List;

import org.consilium.notify.DevMailbox;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The development mailbox (a page showing every programme's e-mails, reset links
 * included) exists in the {@code dev} profile only: configured anywhere else, the start
 * fails with a message that says why; without it, the page answers "not found"
 * ({@link MailboxAbsentIT}).
 */
class DevMailboxProfileTest {

	private final ApplicationContextRunner notify = new ApplicationContextRunner()
		.withUserConfiguration(MailConfiguration.class, DevMailboxConfiguration.class)
		.withBean(JavaMailSenderImpl.class);

	@Test
	void every_bean_of_the_development_mailbox_is_dev_only() throws Exception {
		// Scanned as the dev profile sees them, else @Profile hides them from the scan.
		StandardEnvironment dev = new StandardEnvironment();
		dev.setActiveProfiles("dev");
		var scanner = new ClassPathScanningCandidateComponentProvider(false, dev);
		scanner.addIncludeFilter(new AnnotationTypeFilter(Component.class));
		List<Class<?>> beans = new java.util.ArrayList<>();
		for (var candidate : scanner.findCandidateComponents(DevMailboxProfileTest.class.getPackageName())) {
			Class<?> type = ClassUtils.forName(candidate.getBeanClassName(), getClass().getClassLoader());
			if (type.getSimpleName().contains("DevMailbox") || DevMailbox.class.isAssignableFrom(type)) {
				beans.add(type);
			}
		}
		assertThat(beans).extracting(Class::getSimpleName).containsExactly("DevMailboxConfiguration");
		assertThat(beans).allSatisfy((bean) -> assertThat(bean.getAnnotation(Profile.class)).as(bean.getSimpleName())
			.isNotNull()
			.satisfies((profile) -> assertThat(profile.value()).containsExactly("dev")));
		assertThat(InMemoryDevMailbox.class.getAnnotation(Component.class))
			.as("the mailbox itself is made by the dev-only configuration, never scanned")
			.isNull();
	}

	@Test
	void the_development_mailbox_outside_the_dev_profile_stops_the_start_with_a_clear_message() {
		this.notify.withPropertyValues("consilium.notify.transport=DEV_MAILBOX")
			.withInitializer((context) -> context.getEnvironment().setActiveProfiles("prod"))
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.isInstanceOf(IllegalStateException.class)
					.hasMessageContaining("DEV_MAILBOX")
					.hasMessageContaining("dev profile only");
			});
		this.notify.withPropertyValues("consilium.notify.transport=dev-mailbox")
			.run((context) -> assertThat(context).hasFailed());
	}

	@Test
	void in_the_dev_profile_the_development_mailbox_keeps_what_is_sent() {
		this.notify.withPropertyValues("consilium.notify.transport=DEV_MAILBOX")
			.withInitializer((context) -> context.getEnvironment().setActiveProfiles("dev"))
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(DevMailbox.class);
				context.getBean(MailTransport.class)
					.send(new RenderedMail("<m@test>", "no-reply@consilium.example", "Consilium", "pat@example.com",
							"Confirm your e-mail address", "text", "<html><body>html</body></html>"));
				assertThat(context.getBean(DevMailbox.class).messages()).singleElement()
					.satisfies((entry) -> assertThat(entry.to()).isEqualTo("pat@example.com"));
			});
	}

	@Test
	void where_e_mail_goes_out_by_smtp_there_is_no_development_mailbox_even_in_dev() {
		this.notify.withPropertyValues("consilium.notify.transport=SMTP")
			.withInitializer((context) -> context.getEnvironment().setActiveProfiles("dev"))
			.run((context) -> {
				assertThat(context).hasNotFailed().doesNotHaveBean(DevMailbox.class);
				assertThat(context.getBean(MailTransport.class)).isInstanceOf(SmtpTransport.class);
			});
		this.notify.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(DevMailbox.class));
	}

}
