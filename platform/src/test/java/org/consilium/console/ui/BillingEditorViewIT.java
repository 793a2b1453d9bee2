package org.consilium.console.ui;

import java.util.List;
import java.util.Locale;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import org.consilium.support.KaribuSite;
import org.consilium.support.StripeIntegrationTest;
import org.consilium.support.TenantConfigBackup;
import org.consilium.support.Users;
import org.consilium.tenant.TenantId;
import org.consilium.tenant.TenantVersions;
import org.consilium.tenant.TenantVersions.StoredVersion;
import org.consilium.tenant.Tenants;
import org.consilium.tenantconfig.AssetSource;
import org.consilium.tenantconfig.Billing;
import org.consilium.tenantconfig.ConfigProblem;
import org.consilium.tenantconfig.Role;
import org.consilium.tenantconfig.TenantConfigException;
import org.consilium.tenantconfig.TenantConfigLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The billing page on a test-only programme ({@code consoleco}, like the public one: the
 * patient pays; put back after each test): a bad amount gets the tenant file's message on
 * its field and nothing is stored; a good change is a new version and the preview says
 * what patients are told.
 */
@StripeIntegrationTest
class BillingEditorViewIT {

	static final TenantId CONSOLECO = TenantId.of("consoleco");

	@Autowired
	ApplicationContext context;

	@Autowired
	TenantVersions versions;

	@Autowired
	Tenants tenants;

	TenantConfigBackup backup;

	StoredVersion original;

	@BeforeEach
	void remember() {
		this.backup = TenantConfigBackup.take(this.versions, CONSOLECO);
		this.original = this.backup.original();
	}

	@AfterEach
	void putBack() {
		this.backup.restore();
	}

	private KaribuSite open() {
		return KaribuSite.open(this.context, CONSOLECO, Locale.ENGLISH)
			.signIn(Users.user("consoleco", "Bill", Role.TENANT_ADMIN))
			.navigate("admin/console/billing");
	}

	@Test
	@SuppressWarnings("unchecked")
	void the_page_shows_the_policy_and_what_patients_are_told_it_costs() {
		try (KaribuSite site = open()) {
			assertThat(_get(RadioButtonGroup.class, (spec) -> spec.withId("console-billing-payer")).getValue())
				.isEqualTo("PATIENT");
			assertThat(_get(TextField.class, (spec) -> spec.withId("console-billing-price-default")).getValue())
				.isEqualTo("750.00");
			assertThat(_get(TextField.class, (spec) -> spec.withId("console-billing-price-oncology")).getValue())
				.isEqualTo("950.00");
			assertThat(_get(Paragraph.class, (spec) -> spec.withId("preview-cost")).getText())
				.isEqualTo("You pay $750.00 by card only when your opinion is delivered. We save your card when you "
						+ "submit your request.");
			assertThat(_get(UnorderedList.class, (spec) -> spec.withId("preview-prices")).getChildren()
				.map((item) -> item.getElement().getText())
				.toList())
				.contains("Oncology: The opinion costs $950.00; it is charged only when your opinion is complete.",
						"Cardiology: The opinion costs $750.00; it is charged only when your opinion is complete.");
		}
	}

	@Test
	void a_negative_price_gets_the_tenant_files_message_on_its_field_and_nothing_is_stored() {
		try (KaribuSite site = open()) {
			TextField oncology = _get(TextField.class, (spec) -> spec.withId("console-billing-price-oncology"));
			oncology.setValue("-100");

			assertThat(oncology.isInvalid()).isTrue();
			assertThat(oncology.getErrorMessage()).isEqualTo("must be more than zero");
			assertThat(_get(Button.class, (spec) -> spec.withId("console-save")).isEnabled()).isFalse();

			// The reader checks the policy as a whole once every amount is readable.
			oncology.setValue("950.00");
			TextField copay = _get(TextField.class, (spec) -> spec.withId("console-billing-copay"));
			copay.setValue("50.00");
			assertThat(oncology.isInvalid()).isFalse();
			assertThat(copay.getErrorMessage()).isEqualTo("only applies when payer is COPAY_AND_EMPLOYER");
			assertThat(_get(Button.class, (spec) -> spec.withId("console-save")).isEnabled()).isFalse();
		}
		assertThat(this.versions.current(CONSOLECO).version()).isEqualTo(this.original.version());
		String sameFile = this.original.yaml().replace("oncology: 950.00", "oncology: -100");
		assertThat(sameFile).isNotEqualTo(this.original.yaml());
		assertThat(problemsOf(sameFile)).extracting(ConfigProblem::path, ConfigProblem::reason)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("billing.prices.oncology", "must be more than zero"));
	}

	@Test
	@SuppressWarnings("unchecked")
	void a_copay_programme_with_a_price_for_cardiology_is_saved_as_a_new_version_and_previewed() {
		try (KaribuSite site = open()) {
			_get(RadioButtonGroup.class, (spec) -> spec.withId("console-billing-payer")).setValue("COPAY_AND_EMPLOYER");
			TextField copay = _get(TextField.class, (spec) -> spec.withId("console-billing-copay"));
			assertThat(_get(Select.class, (spec) -> spec.withId("console-billing-employerInvoicing")).getErrorMessage())
				.isEqualTo("is required when the employer pays (PER_CASE or MONTHLY)");
			assertThat(copay.getErrorMessage()).isEqualTo("is required when payer is COPAY_AND_EMPLOYER");

			_get(Select.class, (spec) -> spec.withId("console-billing-employerInvoicing")).setValue("PER_CASE");
			copay.setValue("40.00");
			_get(ComboBox.class, (spec) -> spec.withId("console-billing-new-specialty")).setValue("cardiology");
			_click(_get(Button.class, (spec) -> spec.withId("console-billing-add-price")));
			_get(TextField.class, (spec) -> spec.withId("console-billing-price-cardiology")).setValue("800.00");
			_click(_get(Button.class, (spec) -> spec.withId("console-billing-remove-price-neurosurgery")));
			Button save = _get(Button.class, (spec) -> spec.withId("console-save"));
			assertThat(save.isEnabled()).isTrue();
			assertThat(_get(Paragraph.class, (spec) -> spec.withId("preview-cost")).getText())
				.isEqualTo("You pay a $40.00 copay by card when your opinion is complete; your employer pays the "
						+ "rest. We save your card when you submit your request.");

			_click(save);

			assertThat(this.versions.current(CONSOLECO).version()).isEqualTo(this.original.version() + 1);
			Billing billing = this.tenants.find(CONSOLECO).orElseThrow().config().billing();
			assertThat(billing.payer()).isEqualTo(Billing.Payer.COPAY_AND_EMPLOYER);
			assertThat(billing.employerInvoicing()).contains(Billing.EmployerInvoicing.PER_CASE);
			assertThat(billing.copay().orElseThrow().toString()).isEqualTo("40.00 USD");
			assertThat(billing.priceFor("cardiology").toString()).isEqualTo("800.00 USD");
			assertThat(billing.prices()).doesNotContainKey("neurosurgery");
			assertThat(_get(Paragraph.class, (spec) -> spec.withId("console-status")).getText()).isEqualTo(
					"Saved as version " + (this.original.version() + 1) + ". Users see it on the next page they open.");
		}
	}

	private List<ConfigProblem> problemsOf(String yaml) {
		return catchThrowableOfType(TenantConfigException.class, () -> new TenantConfigLoader()
			.parse("tenants/consoleco.yaml", yaml, AssetSource.of(this.original.assets()))).problems();
	}

}
