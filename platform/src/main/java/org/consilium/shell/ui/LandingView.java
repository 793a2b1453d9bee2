package org.consilium.shell.ui;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.consilium.identity.CurrentUser;
import org.consilium.identity.PatientProfiles;
import org.consilium.shell.HowItWorks;
import org.consilium.shell.MainLayout;
import org.consilium.tenant.AnySite;
import org.consilium.tenant.Tenant;
import org.consilium.tenant.TenantContext;
import org.consilium.tenant.Tenants;
import org.consilium.tenantconfig.Billing;
import org.consilium.tenantconfig.BusinessHours;
import org.consilium.tenantconfig.Money;
import org.consilium.tenantconfig.TenantConfig;
import org.consilium.tenantconfig.TimeRange;

/**
 * A programme's public front page: its name, how the process works for this programme
 * (generated from its workflow variant), what it costs, how to reach a person (open or
 * closed right now, in the programme's time zone), and the way in.
 */
@Route(value = "", layout = MainLayout.class)
@AnonymousAllowed
@AnySite
class LandingView extends Div implements BeforeEnterObserver, HasDynamicTitle {

	private final transient Tenants tenants;

	private final transient Clock clock;

	private String title = "";

	private final transient PatientProfiles profiles;

	LandingView(Tenants tenants, Clock clock, PatientProfiles profiles) {
		this.tenants = tenants;
		this.clock = clock;
		this.profiles = profiles;
	}

	@Override
	public void beforeEnter(BeforeEnterEvent event) {
		if (TenantContext.find().isEmpty()) {
			event.forwardTo(OperatorHomeView.class);
			return;
		}
		Tenant tenant = this.tenants.current();
		TenantConfig config = tenant.config();
		this.title = config.displayName();
		removeAll();
		add(hero(config));
		Div cards = new Div(howItWorks(config), sideColumn(config));
		cards.addClassName("cards");
		add(cards);
	}

	private Component hero(TenantConfig config) {
		Section hero = new Section();
		hero.addClassName("hero");
		H1 name = new H1(config.displayName());
		name.setId("programme-name");
		hero.add(name, new Paragraph(getTranslation("landing.tagline")));
		Button enter;
		if (CurrentUser.find().isPresent()) {
			// Referring doctors have their own list: the cases they joined.
			String cases = CurrentUser.find().get().has(org.consilium.tenantconfig.Role.REFERRING_PHYSICIAN)
					? "doctor/cases" : "cases";
			enter = new Button(getTranslation("landing.go-to-cases"),
					(event) -> getUI().ifPresent((ui) -> ui.navigate(cases)));
			notEligible().ifPresent(hero::add);
		}
		else if (!config.identity().localAccounts() && config.identity().samlProviders().size() == 1) {
			// The company's sign-in is the only way in: go there directly.
			String start = "saml2/authenticate/" + config.identity().samlProviders().get(0).id();
			enter = new Button(getTranslation("landing.sign-in-sso", ssoName(config)),
					(event) -> getUI().ifPresent((ui) -> ui.getPage().setLocation(start)));
		}
		else {
			enter = new Button(getTranslation(
					config.identity().localAccounts() ? "landing.sign-in-or-register" : "landing.sign-in-sso",
					ssoName(config)), (event) -> getUI().ifPresent((ui) -> ui.navigate("login")));
		}
		enter.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
		enter.setId("enter");
		hero.add(enter);
		return hero;
	}

	/**
	 * Where sign-in lands: a patient whom the employer's census no longer lists reads so
	 * here (decision 021).
	 */
	private Optional<Paragraph> notEligible() {
		String user = CurrentUser.require().id();
		if (!CurrentUser.require().has(org.consilium.tenantconfig.Role.PATIENT) || this.profiles.find(user).isEmpty()
				|| this.profiles.eligible(user)) {
			return Optional.empty();
		}
		Paragraph notice = new Paragraph(getTranslation("cases.not-eligible"));
		notice.setId("not-eligible");
		notice.addClassName("notice");
		return Optional.of(notice);
	}

	private Component howItWorks(TenantConfig config) {
		Section section = new Section();
		section.addClassName("card");
		section.setId("how-it-works");
		OrderedList steps = new OrderedList();
		steps.addClassName("steps");
		for (HowItWorks.Step step : HowItWorks.steps(config)) {
			ListItem item = new ListItem(new H3(getTranslation(step.titleKey(), step.args())),
					new Paragraph(getTranslation(step.textKey(), step.args())));
			item.getElement().setAttribute("data-step", step.key());
			steps.add(item);
		}
		section.add(new H2(getTranslation("landing.how-it-works")), steps);
		return section;
	}

	private Component sideColumn(TenantConfig config) {
		Div column = new Div(cost(config), contact(config));
		column.getStyle().set("display", "flex").set("flex-direction", "column").set("gap", "var(--lumo-space-l)");
		return column;
	}

	private Component cost(TenantConfig config) {
		Section section = new Section();
		section.addClassName("card");
		section.setId("cost");
		Billing billing = config.billing();
		Money price = billing.priceFor(Billing.DEFAULT_PRICE);
		String text = switch (billing.payer()) {
			case PATIENT -> getTranslation("landing.cost.patient-on-completion", money(price));
			case EMPLOYER -> getTranslation("landing.cost.employer");
			case COPAY_AND_EMPLOYER -> getTranslation("landing.cost.copay", money(billing.copay().orElseThrow()));
			case FREE -> getTranslation("landing.cost.free");
		};
		section.add(new H2(getTranslation("landing.cost")), new Paragraph(text));
		billing.processingFee()
			.filter((fee) -> billing.payer().patientPays())
			.ifPresent((fee) -> section.add(new Paragraph(getTranslation("landing.cost.processing-fee", money(fee)))));
		section.add(new Paragraph(getTranslation("landing.turnaround", config.workflow().turnaroundDays())));
		return section;
	}

	private Component contact(TenantConfig config) {
		Section section = new Section();
		section.addClassName("card");
		section.setId("contact");
		var support = config.branding().support();
		BusinessHours hours = config.branding().businessHours();
		boolean open = hours.isOpenAt(this.clock.instant());
		Span status = new Span(getTranslation(open ? "landing.open-now" : "landing.closed-now"));
		status.addClassNames("status", open ? "open" : "closed");
		status.setId("open-status");
		Div email = new Div(new Anchor("mailto:" + support.email(), support.email()));
		section.add(new H2(getTranslation("landing.contact")), status, email);
		if (support.phone() != null) {
			section.add(new Div(new Anchor("tel:" + support.phone().replaceAll("[^+0-9]", ""), support.phone())));
		}
		Div table = new Div();
		table.addClassName("hours");
		Locale locale = getLocale();
		for (DayOfWeek day : DayOfWeek.values()) {
			List<TimeRange> ranges = hours.on(day);
			Div row = new Div(new Span(day.getDisplayName(TextStyle.FULL, locale)),
					new Span(ranges.isEmpty() ? getTranslation("landing.closed")
							: ranges.stream().map((r) -> r.from() + "–" + r.to()).collect(Collectors.joining(", "))));
			row.getStyle().set("display", "flex").set("justify-content", "space-between");
			table.add(row);
		}
		Paragraph zone = new Paragraph(
				getTranslation("landing.time-zone", hours.timeZone().getDisplayName(TextStyle.FULL, locale)));
		zone.addClassName("muted");
		section.add(new H3(getTranslation("landing.hours")), table, zone);
		return section;
	}

	private String money(Money money) {
		java.text.NumberFormat format = java.text.NumberFormat.getCurrencyInstance(getLocale());
		format.setCurrency(money.currency());
		return format.format(money.amount());
	}

	private static String ssoName(TenantConfig config) {
		return config.identity().samlProviders().isEmpty() ? ""
				: config.identity().samlProviders().get(0).displayName();
	}

	@Override
	public String getPageTitle() {
		return this.title;
	}

}
