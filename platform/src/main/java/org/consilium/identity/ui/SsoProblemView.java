package org.consilium.identity.ui;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.consilium.tenant.AnySite;
import org.consilium.tenant.Tenant;
import org.consilium.tenant.TenantContext;
import org.consilium.tenant.Tenants;
import org.consilium.tenantconfig.Contact;
import org.consilium.tenantconfig.SamlProvider;

/**
 * Where a refused single sign-on lands: what happened in plain words and whom to contact
 * (the programme's support). The reason only chooses the wording — the sign-in was
 * already refused, audited and left no session; security refusals all read alike, so
 * nobody probing learns which check caught them.
 */
@Route(value = "sso-problem", autoLayout = false)
@AnonymousAllowed
@AnySite
class SsoProblemView extends AuthPage implements BeforeEnterObserver, HasDynamicTitle {

	static final Set<String> REASONS = Set.of("not-eligible", "account-conflict", "disabled", "unavailable",
			"rejected");

	private final transient Optional<Tenant> tenant;

	private String reason = "rejected";

	SsoProblemView(Tenants tenants) {
		super(tenants);
		this.tenant = TenantContext.find().flatMap(tenants::find);
	}

	@Override
	public void beforeEnter(BeforeEnterEvent event) {
		var parameters = event.getLocation().getQueryParameters().getParameters();
		this.reason = parameters.getOrDefault("reason", List.of())
			.stream()
			.filter(REASONS::contains)
			.findFirst()
			.orElse("rejected");
		Optional<SamlProvider> provider = parameters.getOrDefault("provider", List.of())
			.stream()
			.findFirst()
			.flatMap(this::provider);
		String providerName = provider.map(SamlProvider::displayName)
			.orElseGet(() -> getTranslation("sso.problem.your-company"));
		String programme = this.tenant.map((t) -> t.config().displayName())
			.orElseGet(() -> getTranslation("operator.name"));
		this.card.removeAll();
		H2 title = new H2(getTranslation("sso.problem." + this.reason + ".title"));
		title.setId("sso-problem-title");
		Paragraph text = message("sso.problem." + this.reason + ".text", providerName, programme);
		text.setId("sso-problem");
		this.card.add(title, text, contact());
		if ("rejected".equals(this.reason) && provider.isPresent()) {
			Anchor again = new Anchor("saml2/authenticate/" + provider.get().id(), getTranslation("sso.problem.again"));
			again.setRouterIgnore(true);
			again.setId("sso-again");
			this.card.add(new Paragraph(again));
		}
		this.card.add(new Paragraph(link("login", "sso.problem.to-sign-in")));
	}

	private Paragraph contact() {
		Paragraph paragraph = new Paragraph();
		paragraph.setId("sso-contact");
		Optional<Contact> support = this.tenant.map((t) -> t.config().branding().support());
		if (support.isEmpty()) {
			paragraph.setText(getTranslation("sso.problem.contact-operator"));
			return paragraph;
		}
		paragraph.setText(getTranslation("sso.problem.contact") + " ");
		paragraph.add(new Anchor("mailto:" + support.get().email(), support.get().email()));
		if (support.get().phone() != null) {
			paragraph.add(" · " + support.get().phone());
		}
		return paragraph;
	}

	private Optional<SamlProvider> provider(String id) {
		return this.tenant.flatMap((t) -> t.config()
			.identity()
			.samlProviders()
			.stream()
			.filter((provider) -> provider.id().equals(id))
			.findFirst());
	}

	@Override
	public String getPageTitle() {
		return getTranslation("sso.problem." + this.reason + ".title");
	}

}
