package org.consilium.notify.internal;

import java.util.Locale;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import org.consilium.support.IntegrationTest;
import org.consilium.support.KaribuSite;
import org.consilium.tenant.TenantId;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where e-mails go out by SMTP, there is no development mailbox page.
 */
@IntegrationTest
class MailboxAbsentIT {

	@Autowired
	ApplicationContext context;

	@Test
	void the_development_mailbox_is_not_found_when_e_mail_goes_out_by_smtp() {
		try (KaribuSite site = KaribuSite.open(this.context, TenantId.of("public"), Locale.ENGLISH)
			.navigate("dev/mailbox")) {
			assertThat(_find(Div.class, (spec) -> spec.withId("not-found"))).hasSize(1);
			assertThat(_find(Paragraph.class, (spec) -> spec.withId("mailbox-warning"))).isEmpty();
		}
	}

}
