package org.consilium.console.ui;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.Consumer;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.UploadKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import org.consilium.console.ConfigConsole;
import org.consilium.console.ConfigDraft;
import org.consilium.identity.ConsiliumUser;
import org.consilium.support.KaribuSite;
import org.consilium.support.StripeIntegrationTest;
import org.consilium.support.TenantConfigBackup;
import org.consilium.support.Users;
import org.consilium.tenant.TenantContext;
import org.consilium.tenant.TenantId;
import org.consilium.tenant.TenantVersions;
import org.consilium.tenant.TenantVersions.StoredVersion;
import org.consilium.tenant.Tenants;
import org.consilium.tenantconfig.ConfigProblem;
import org.consilium.tenantconfig.Role;
import org.consilium.tenantconfig.SamlProvider;
import org.consilium.tenantconfig.YamlEdit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's sign-in page on a test-only programme ({@code consoleco}, put back after
 * each test): adding an identity provider, each bad value shown on its field with the
 * tenant-config loader's own message and saving refused, a good one saved as a new
 * version the sign-in uses.
 */
@StripeIntegrationTest
class SignInSettingsViewIT {

	static final TenantId CONSOLECO = TenantId.of("consoleco");

	static final ConsiliumUser ADMIN = Users.user("consoleco", "Ada", Role.TENANT_ADMIN);

	@Autowired
	ApplicationContext context;

	@Autowired
	ConfigConsole console;

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
		assertThat(this.tenants.find(CONSOLECO).orElseThrow().config().identity().samlProviders()).isEmpty();
	}

	@Test
	void each_bad_value_gets_the_loaders_own_message_on_its_field_and_cannot_be_saved() {
		try (KaribuSite site = KaribuSite.open(this.context, CONSOLECO, Locale.ENGLISH)) {
			site.signIn(ADMIN).navigate("admin/console/sign-in");
			_click(_get(Button.class, (find) -> find.withId("console-add-provider")));
			TextField entityId = _get(TextField.class, (find) -> find.withId("console-saml-0-entityId"));
			TextField url = _get(TextField.class, (find) -> find.withId("console-saml-0-metadata-url"));
			TextField email = _get(TextField.class, (find) -> find.withId("console-saml-0-attributes-email"));
			TextArea roles = _get(TextArea.class, (find) -> find.withId("console-saml-0-roleMapping"));
			Button save = _get(Button.class, (find) -> find.withId("console-save"));

			assertThat(entityId.isInvalid()).as("entity id left empty").isTrue();
			assertThat(entityId.getErrorMessage()).isEqualTo(loaderMessage("identity.saml[0].entityId",
					(yaml) -> yaml.setYaml("identity.saml", provider("", "https://idp.consoleco.example/md", ""))));
			assertThat(save.isEnabled()).isFalse();

			_setValue(entityId, "https://idp.consoleco.example/saml");
			_setValue(email, "mail");
			_setValue(url, "ftp://idp.consoleco.example/metadata");
			assertThat(entityId.isInvalid()).isFalse();
			assertThat(url.isInvalid()).isTrue();
			assertThat(url.getErrorMessage())
				.isEqualTo(
						loaderMessage("identity.saml[0].metadata.url",
								(yaml) -> yaml.setYaml("identity.saml",
										provider("https://idp.consoleco.example/saml",
												"ftp://idp.consoleco.example/metadata", ""))))
				.isEqualTo("must be an https:// URL (plain http only for localhost)");
			assertThat(save.isEnabled()).isFalse();

			_setValue(url, "https://idp.consoleco.example/metadata");
			_setValue(_get(TextField.class, (find) -> find.withId("console-saml-0-attributes-groups")), "memberOf");
			_setValue(roles, "it-admins = SUPERUSER");
			assertThat(url.isInvalid()).isFalse();
			assertThat(roles.isInvalid()).isTrue();
			assertThat(roles.getErrorMessage()).isEqualTo(loaderMessage("identity.saml[0].roleMapping.it-admins",
					(yaml) -> yaml.setYaml("identity.saml", provider("https://idp.consoleco.example/saml",
							"https://idp.consoleco.example/metadata", "it-admins: SUPERUSER"))));
			assertThat(save.isEnabled()).isFalse();

			_setValue(roles, "it-admins = PLATFORM_ADMIN");
			assertThat(roles.getErrorMessage())
				.isEqualTo("PLATFORM_ADMIN is an operator role; a tenant's identity provider cannot grant it");
			assertThat(save.isEnabled()).isFalse();
		}
		assertThat(this.versions.current(CONSOLECO).version()).isEqualTo(this.original.version());
	}

	@Test
	void a_good_provider_is_saved_as_a_new_version_and_previewed_as_the_sign_in_button() {
		try (KaribuSite site = KaribuSite.open(this.context, CONSOLECO, Locale.ENGLISH)) {
			site.signIn(ADMIN).navigate("admin/console/sign-in");
			_click(_get(Button.class, (find) -> find.withId("console-add-provider")));
			_setValue(_get(TextField.class, (find) -> find.withId("console-saml-0-displayName")), "Consoleco SSO");
			_setValue(_get(TextField.class, (find) -> find.withId("console-saml-0-entityId")),
					"https://idp.consoleco.example/saml");
			_setValue(_get(TextField.class, (find) -> find.withId("console-saml-0-metadata-url")),
					"https://idp.consoleco.example/metadata");
			_setValue(_get(TextField.class, (find) -> find.withId("console-saml-0-attributes-email")), "mail");
			_setValue(_get(TextField.class, (find) -> find.withId("console-saml-0-attributes-groups")), "memberOf");
			_setValue(_get(TextArea.class, (find) -> find.withId("console-saml-0-roleMapping")),
					"hr-admins = TENANT_ADMIN");

			assertThat(_get(Button.class, (find) -> find.withId("preview-sso-consoleco-sso")).getText())
				.isEqualTo("Sign in with Consoleco SSO");
			assertThat(_get(com.vaadin.flow.component.html.Span.class,
					(find) -> find.withId("console-saml-0-admin-warning"))
				.isVisible()).as("the TENANT_ADMIN consequence").isTrue();
			Button save = _get(Button.class, (find) -> find.withId("console-save"));
			assertThat(save.isEnabled()).isTrue();
			_click(save);
		}
		assertThat(this.versions.current(CONSOLECO).version()).isEqualTo(this.original.version() + 1);
		SamlProvider saved = this.tenants.find(CONSOLECO).orElseThrow().config().identity().samlProviders().get(0);
		assertThat(saved.id()).isEqualTo("consoleco-sso");
		assertThat(saved.entityId()).isEqualTo("https://idp.consoleco.example/saml");
		assertThat(saved.metadata().url()).contains("https://idp.consoleco.example/metadata");
		assertThat(saved.roleMapping()).containsEntry("hr-admins", Role.TENANT_ADMIN);
		assertThat(this.tenants.find(CONSOLECO).orElseThrow().config().identity().localAccounts()).isTrue();
	}

	@Test
	void uploaded_metadata_is_checked_by_the_loader_and_saved_as_an_asset_of_the_version() {
		try (KaribuSite site = KaribuSite.open(this.context, CONSOLECO, Locale.ENGLISH)) {
			site.signIn(ADMIN).navigate("admin/console/sign-in");
			_click(_get(Button.class, (find) -> find.withId("console-add-provider")));
			_setValue(_get(TextField.class, (find) -> find.withId("console-saml-0-displayName")), "Consoleco SSO");
			_setValue(_get(TextField.class, (find) -> find.withId("console-saml-0-entityId")),
					"https://idp.consoleco.example/saml");
			_setValue(_get(TextField.class, (find) -> find.withId("console-saml-0-attributes-email")), "mail");
			_setValue(_get(RadioButtonGroup.class, (find) -> find.withId("console-saml-0-metadata")), "file");
			Upload upload = _get(Upload.class, (find) -> find.withId("console-saml-0-metadata-upload"));
			TextField file = _get(TextField.class, (find) -> find.withId("console-saml-0-metadata-file"));
			Button save = _get(Button.class, (find) -> find.withId("console-save"));

			UploadKt._upload(upload, "idp.xml", "text/xml",
					"<html>not metadata</html>".getBytes(StandardCharsets.UTF_8));
			MockVaadin.clientRoundtrip();
			assertThat(file.isInvalid()).isTrue();
			assertThat(file.getErrorMessage()).matches(
					"'assets/consoleco-idp-[0-9a-f]{12}\\.xml' is not SAML metadata \\(no EntityDescriptor element\\)");
			assertThat(save.isEnabled()).isFalse();

			UploadKt._upload(upload, "idp.xml", "text/xml", METADATA.getBytes(StandardCharsets.UTF_8));
			MockVaadin.clientRoundtrip();
			assertThat(file.isInvalid()).isFalse();
			assertThat(save.isEnabled()).isTrue();
			_click(save);
		}
		SamlProvider saved = this.tenants.find(CONSOLECO).orElseThrow().config().identity().samlProviders().get(0);
		String path = saved.metadata().file().orElseThrow();
		assertThat(this.tenants.asset(CONSOLECO, path)).hasValueSatisfying(
				(asset) -> assertThat(new String(asset.content(), StandardCharsets.UTF_8)).isEqualTo(METADATA));
	}

	static final String METADATA = """
			<?xml version="1.0" encoding="UTF-8"?>
			<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="https://idp.consoleco.example/saml">
			  <md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
			    <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="https://idp.consoleco.example/sso"/>
			  </md:IDPSSODescriptor>
			</md:EntityDescriptor>
			""";

	private static String provider(String entityId, String url, String roles) {
		return """
				- id: consoleco-sso
				  displayName: Consoleco SSO
				%s  metadata:
				    url: "%s"
				  attributes:
				    email: mail
				    groups: memberOf
				%s""".formatted(entityId.isEmpty() ? "" : "  entityId: \"" + entityId + "\"\n", url,
				roles.isEmpty() ? "" : "  roleMapping:\n    " + roles + "\n");
	}

	/** What the loader says about a path after the same change made in the file. */
	private String loaderMessage(String path, Consumer<YamlEdit> change) {
		return TenantContext.callAs(CONSOLECO, () -> Users.as(ADMIN, () -> {
			ConfigDraft draft = this.console.draft();
			change.accept(draft.yaml());
			return this.console.check(draft)
				.problems()
				.stream()
				.filter((problem) -> problem.path().equals(path))
				.map(ConfigProblem::reason)
				.findFirst()
				.orElseThrow(() -> new AssertionError("no problem at " + path));
		}));
	}

}
