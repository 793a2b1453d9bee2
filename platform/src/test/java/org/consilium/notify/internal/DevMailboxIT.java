package org.consilium.notify.internal;

import java.util.Locale;
import java.util.UUID;

import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import org.consilium.identity.internal.AccountViews;
import org.consilium.support.IntegrationTest;
import org.consilium.support.KaribuSite;
import org.consilium.tenant.TenantContext;
import org.consilium.tenant.TenantId;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Without a mail server (the development default), e-mails land on a clearly labelled
 * development page, so a new user can still follow a verification link.
 */
@IntegrationTest
// Its own immediate sends only: the scheduled dispatcher of this context would deliver
// other tests' messages into its development mailbox instead of the real SMTP server.
@TestPropertySource(
		properties = { "consilium.notify.transport=DEV_MAILBOX", "consilium.notify.scheduled-dispatch=false" })
class DevMailboxIT {

	@Autowired
	ApplicationContext context;

	@Autowired
	AccountViews accounts;

	@Autowired
	org.consilium.notify.DevMailbox mailbox;

	@Test
	void a_verification_e_mail_lands_in_the_development_mailbox_page() throws Exception {
		String email = "mailbox-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setServerName("public.localhost");
		request.setServerPort(8080);
		RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
		try {
			TenantContext.runAs(TenantId.of("public"), () -> this.accounts.register(email, "Mia Box",
					org.consilium.support.TestPasswords.generate(), Locale.ENGLISH));
		}
		finally {
			RequestContextHolder.resetRequestAttributes();
		}
		long deadline = System.currentTimeMillis() + 20_000;
		while (this.mailbox.messages().stream().noneMatch((m) -> m.to().equals(email))
				&& System.currentTimeMillis() < deadline) {
			Thread.sleep(100);
		}
		assertThat(this.mailbox.messages()).anySatisfy((m) -> {
			assertThat(m.to()).isEqualTo(email);
			assertThat(m.text()).contains("http://public.localhost:8080/verify-email?token=");
		});
		try (KaribuSite site = KaribuSite.open(this.context, TenantId.of("public"), Locale.ENGLISH)
			.navigate("dev/mailbox")) {
			assertThat(_get(Paragraph.class, (spec) -> spec.withId("mailbox-warning")).getText())
				.startsWith("Development only");
			assertThat(_find(Details.class))
				.anySatisfy((details) -> assertThat(details.getElement().getAttribute("data-to")).isEqualTo(email));
		}
	}

	@Test
	void the_page_does_not_exist_where_e_mail_really_goes_out() {
		// Covered in the SMTP contexts: see MailboxAbsentIT. Here: the warning is always
		// there.
		try (KaribuSite site = KaribuSite.open(this.context, null, Locale.ENGLISH).navigate("dev/mailbox")) {
			assertThat(_find(Div.class, (spec) -> spec.withId("not-found"))).isEmpty();
		}
	}

}
