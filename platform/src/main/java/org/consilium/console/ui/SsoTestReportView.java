package org.consilium.console.ui;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.consilium.identity.Roles;
import org.consilium.identity.SsoTestReport;
import org.consilium.identity.SsoTests;
import org.consilium.shell.MainLayout;
import org.consilium.tenantconfig.Role;

/**
 * Where a test sign-in's window lands: exactly what the identity provider sent (issuer,
 * NameID, every attribute with its values, the signature and validation outcome) and how
 * the provider's mapping reads it — or why the response was refused. Only the admin who
 * started the test sees it, for ten minutes.
 */
@Route(value = "admin/console/sign-in-test", layout = MainLayout.class)
@RolesAllowed(Roles.TENANT_ADMIN)
class SsoTestReportView extends Div implements BeforeEnterObserver, HasDynamicTitle {

	private final SsoTests tests;

	SsoTestReportView(SsoTests tests) {
		this.tests = tests;
		addClassName("console-page");
		setId("sso-test-report");
	}

	@Override
	public void beforeEnter(BeforeEnterEvent event) {
		removeAll();
		add(new H1(title()));
		Optional<SsoTestReport> report = event.getLocation()
			.getQueryParameters()
			.getSingleParameter("token")
			.flatMap(this.tests::report);
		if (report.isEmpty()) {
			add(paragraph("sso-test-none", getTranslation("console.sso-test.none")));
			return;
		}
		show(report.get());
	}

	private void show(SsoTestReport report) {
		add(paragraph("sso-test-nothing-changed", getTranslation("console.sso-test.nothing-changed")));
		if (!report.accepted()) {
			add(paragraph("sso-test-outcome", getTranslation("console.sso-test.refused", report.providerId())),
					paragraph("sso-test-problem", report.problem().orElse("")));
			return;
		}
		add(paragraph("sso-test-outcome", getTranslation("console.sso-test.accepted", report.providerId())));
		add(new H2(getTranslation("console.sso-test.sent")));
		UnorderedList sent = list("sso-test-sent");
		sent.add(item("console.sso-test.issuer", report.issuer()));
		sent.add(item("console.sso-test.name-id", report.nameId()));
		sent.add(item("console.sso-test.name-id-format", Optional.ofNullable(report.nameIdFormat()).orElse("-")));
		sent.add(new ListItem(getTranslation(
				report.responseSigned() ? "console.sso-test.response-signed" : "console.sso-test.response-unsigned")));
		sent.add(new ListItem(getTranslation(report.assertionSigned() ? "console.sso-test.assertion-signed"
				: "console.sso-test.assertion-unsigned")));
		add(sent, new H2(getTranslation("console.sso-test.attributes")));
		UnorderedList attributes = list("sso-test-attributes");
		for (Map.Entry<String, List<String>> attribute : report.attributes().entrySet()) {
			attributes.add(new ListItem(getTranslation("console.sso-test.attribute", attribute.getKey(),
					String.join(", ", attribute.getValue()))));
		}
		add(attributes);
		report.mapping().ifPresent(this::mapping);
	}

	private void mapping(SsoTestReport.Mapping mapping) {
		add(new H2(getTranslation("console.sso-test.mapping")));
		UnorderedList mapped = list("sso-test-mapping");
		mapped.add(item("console.sso-test.email", Optional.ofNullable(mapping.email()).orElse("-")));
		mapped.add(item("console.sso-test.name", Optional.ofNullable(mapping.displayName()).orElse("-")));
		mapped.add(item("console.sso-test.employee-id", Optional.ofNullable(mapping.employeeId()).orElse("-")));
		mapped.add(item("console.sso-test.groups", String.join(", ", mapping.groups())));
		mapped.add(item("console.sso-test.roles",
				String.join(", ", mapping.roles().stream().map(Role::name).sorted().toList())));
		SsoTestReport.Eligibility eligibility = mapping.eligibility();
		mapped.add(new ListItem(!eligibility.checked() ? getTranslation("console.sso-test.eligibility-off")
				: getTranslation(eligibility.eligible() ? "console.sso-test.eligible" : "console.sso-test.not-eligible",
						eligibility.attribute(), String.join(", ", eligibility.values()),
						String.join(", ", eligibility.anyOf()))));
		add(mapped);
		add(paragraph("sso-test-verdict",
				mapping.refusal()
					.map((reason) -> getTranslation("console.sso-test.would-refuse", reason))
					.orElse(getTranslation("console.sso-test.would-sign-in"))));
	}

	private ListItem item(String key, String value) {
		return new ListItem(getTranslation(key, value));
	}

	private static UnorderedList list(String id) {
		UnorderedList list = new UnorderedList();
		list.setId(id);
		return list;
	}

	private static Paragraph paragraph(String id, String text) {
		Paragraph paragraph = new Paragraph(text);
		paragraph.setId(id);
		return paragraph;
	}

	private String title() {
		return getTranslation("console.sso-test.title");
	}

	@Override
	public String getPageTitle() {
		return title();
	}

}
