package org.consilium.notify.internal;

import java.util.Locale;

import org.consilium.support.IntegrationTest;
import org.consilium.tenant.Tenant;
import org.consilium.tenant.Tenants;
import org.consilium.tenantconfig.NotificationKind;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of message renders for every programme in each of its languages: a missing
 * translation fails here, not in a patient's inbox. Tenant wording overrides the
 * platform's.
 */
@IntegrationTest
class MessageTemplatesIT {

	@Autowired
	MessageRenderer renderer;

	@Autowired
	Tenants tenants;

	@Test
	void every_kind_renders_for_every_programme_and_language() {
		int rendered = 0;
		for (Tenant tenant : this.tenants.all()) {
			for (Locale locale : tenant.config().locales()) {
				for (NotificationKind kind : NotificationKind.values()) {
					RenderedMail mail = this.renderer.render(tenant.config(), kind, locale, "Sam Doe",
							"http://" + tenant.config().canonicalHost() + ":8080/x", "<id@test>", "sam@example.com");
					assertThat(mail.subject()).as("%s %s %s", tenant.id(), locale, kind)
						.isNotBlank()
						.doesNotContain("{");
					assertThat(mail.text()).contains("http://" + tenant.config().canonicalHost() + ":8080/x")
						.doesNotContain("notify.");
					assertThat(mail.html()).contains(tenant.config().branding().primaryColor().value());
					rendered++;
				}
			}
		}
		for (Locale locale : java.util.List.of(Locale.ENGLISH, Locale.forLanguageTag("es"))) {
			for (NotificationKind kind : NotificationKind.values()) {
				RenderedMail operator = this.renderer.render(null, kind, locale, "Tom", "http://ops.localhost:8080/x",
						"<id@test>", "tom@ops.example");
				assertThat(operator.subject()).contains("Consilium");
			}
		}
		assertThat(rendered).isGreaterThanOrEqualTo(3 * NotificationKind.values().length);
	}

	@Test
	void a_programmes_own_wording_replaces_the_platforms() {
		Tenant globex = this.tenants.find(org.consilium.tenant.TenantId.of("globex")).orElseThrow();
		RenderedMail spanish = this.renderer.render(globex.config(), NotificationKind.EMAIL_VERIFICATION,
				Locale.forLanguageTag("es"), "Lucía", "http://globex.localhost:8080/verify-email?token=t", "<id@test>",
				"lucia@example.com");
		assertThat(spanish.subject()).isEqualTo("Bienvenido a su beneficio Globex, Lucía: confirme su correo");
		RenderedMail publicDefault = this.renderer.render(
				this.tenants.find(org.consilium.tenant.TenantId.of("public")).orElseThrow().config(),
				NotificationKind.EMAIL_VERIFICATION, Locale.ENGLISH, "Pat", "http://public.localhost:8080/v",
				"<id@test>", "pat@example.com");
		assertThat(publicDefault.subject()).isEqualTo("Confirm your e-mail address for Consilium Second Opinion");
	}

	@Test
	void a_language_the_programme_does_not_offer_falls_back_to_its_default() {
		Tenant acme = this.tenants.find(org.consilium.tenant.TenantId.of("acme")).orElseThrow();
		RenderedMail mail = this.renderer.render(acme.config(), NotificationKind.CASE_CLOSED,
				Locale.forLanguageTag("es"), "Alex", "http://acme.localhost:8080/x", "<id@test>", "a@example.com");
		assertThat(mail.subject()).isEqualTo("Your case at Acme Expert Medical Opinion is closed");
	}

}
