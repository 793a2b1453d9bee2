package org.consilium.console.ui;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.HexFormat;
import java.util.Optional;
import java.util.stream.Collectors;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.RolesAllowed;
import org.consilium.console.ConfigConsole;
import org.consilium.console.ConfigDraft;
import org.consilium.identity.Roles;
import org.consilium.identity.SsoTests;
import org.consilium.shell.MainLayout;
import org.consilium.tenantconfig.AssetSource;
import org.consilium.tenantconfig.Role;
import org.consilium.tenantconfig.SamlProvider;
import org.consilium.tenantconfig.TenantConfig;
import org.consilium.tenantconfig.Workflow;
import org.consilium.tenantconfig.YamlEdit;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * How the programme's users sign in: e-mail and password on or off, and each SAML
 * identity provider (display name, entity id, metadata by URL or uploaded file,
 * IdP-initiated sign-in, attribute and role mapping, eligibility rule), each with what it
 * changes said next to it; as preview the sign-in page's buttons and how the mapping
 * reads an assertion. Saved providers can be tested
 * (docs/decisions/024-sso-test-sign-in.md).
 * <p>
 * The providers are written back as one list in the tenant file's own keys, so the
 * tenant-config loader checks them with its messages (comments inside the list are not
 * kept).
 */
@Route(value = "admin/console/sign-in", layout = MainLayout.class)
@RolesAllowed(Roles.TENANT_ADMIN)
class SignInSettingsView extends ConsoleForm {

	static final String URL = "url";

	static final String FILE = "file";

	private final SsoTests tests;

	private final Checkbox localAccounts = new Checkbox();

	private final Span localAccountsWarning = new Span();

	private final List<ProviderForm> providers = new ArrayList<>();

	private final Div providerBox = new Div();

	private final Button addProvider = new Button();

	private final boolean localAccountsBefore;

	private final String providersBefore;

	private final Div buttons = new Div();

	private final Div mappings = new Div();

	SignInSettingsView(ConfigConsole console, SsoTests tests) {
		super(console, "sign-in");
		this.tests = tests;
		YamlEdit current = base().yaml();
		this.localAccountsBefore = current.scalar("identity.localAccounts").map(Boolean::parseBoolean).orElse(false);
		this.localAccounts.setLabel(getTranslation("console.sign-in.local-accounts"));
		this.localAccounts.setValue(this.localAccountsBefore);
		this.localAccounts.setId("console-identity-localAccounts");
		this.localAccounts.addValueChangeListener((event) -> refresh());
		bind("identity", this.localAccounts);
		this.localAccountsWarning.setId("console-local-accounts-warning");
		this.localAccountsWarning.addClassName("console-applies");
		List<Map<String, Object>> saved = savedProviders(current);
		for (Map<String, Object> provider : saved) {
			this.providers.add(new ProviderForm(this.providers.size(), provider, true));
		}
		this.providersBefore = providersYaml();
		this.providers.forEach((form) -> this.providerBox.add(form));
		this.addProvider.setText(getTranslation("console.sign-in.add-provider"));
		this.addProvider.setId("console-add-provider");
		this.addProvider.addClickListener((event) -> addProvider());
		Div form = new Div(new H2(getTranslation("console.sign-in.passwords")), this.localAccounts,
				new Paragraph(getTranslation("console.sign-in.local-accounts.help")), this.localAccountsWarning,
				new H2(getTranslation("console.sign-in.providers")),
				new Paragraph(getTranslation("console.sign-in.providers.help")), this.providerBox, this.addProvider);
		this.buttons.setId("console-sign-in-buttons");
		this.buttons.addClassName("preview-sign-in");
		this.mappings.setId("console-sign-in-mapping");
		build(form,
				new Div(new H2(getTranslation("console.preview")),
						new H3(getTranslation("console.sign-in.preview-page")), this.buttons,
						new H3(getTranslation("console.sign-in.preview-mapping")), this.mappings));
	}

	@Override
	protected void apply(YamlEdit yaml) {
		if (this.localAccounts.getValue() != this.localAccountsBefore) {
			yaml.set("identity.localAccounts", String.valueOf(this.localAccounts.getValue()));
		}
		String providers = providersYaml();
		if (!providers.equals(this.providersBefore)) {
			if (this.providers.isEmpty()) {
				yaml.remove("identity.saml");
			}
			else {
				yaml.setYaml("identity.saml", providers);
			}
		}
	}

	@Override
	protected void preview(TenantConfig candidate, ConfigDraft draft) {
		boolean lockOut = this.localAccountsBefore && !candidate.identity().localAccounts();
		this.localAccountsWarning.setText(lockOut ? getTranslation("console.sign-in.local-accounts.off-warning") : "");
		this.localAccountsWarning.setVisible(lockOut);
		this.buttons.removeAll();
		for (SamlProvider provider : candidate.identity().samlProviders()) {
			Button button = new Button(getTranslation("login.sso.button", provider.displayName()));
			button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
			button.setId("preview-sso-" + provider.id());
			this.buttons.add(new Div(button));
		}
		this.buttons.add(new Paragraph(getTranslation(
				candidate.identity().localAccounts() ? "console.sign-in.preview-password" : "login.sso-only")));
		this.mappings.removeAll();
		for (SamlProvider provider : candidate.identity().samlProviders()) {
			this.mappings.add(new H3(provider.displayName()), summary(candidate, provider));
		}
		this.providers.forEach(ProviderForm::warn);
	}

	private UnorderedList summary(TenantConfig candidate, SamlProvider provider) {
		SamlProvider.AttributeMapping attributes = provider.attributes();
		UnorderedList list = new UnorderedList();
		list.add(new ListItem(getTranslation("console.sign-in.map-email", attributes.email())));
		String name = List.of(attributes.firstName(), attributes.lastName())
			.stream()
			.flatMap(Optional::stream)
			.collect(Collectors.joining(" + "));
		list.add(new ListItem(name.isEmpty() ? getTranslation("console.sign-in.map-name-email")
				: getTranslation("console.sign-in.map-name", name)));
		attributes.employeeId()
			.ifPresent((attribute) -> list
				.add(new ListItem(getTranslation("console.sign-in.map-employee-id", attribute))));
		list.add(new ListItem(getTranslation("console.sign-in.map-patient")));
		provider.roleMapping()
			.forEach((group, role) -> list.add(new ListItem(
					getTranslation("console.sign-in.map-role", attributes.groups().orElse(""), group, role.name()))));
		boolean checked = candidate.workflow().eligibility() == Workflow.Eligibility.SSO_ATTRIBUTE;
		list.add(new ListItem(provider.eligibility()
			.map((rule) -> getTranslation(
					checked ? "console.sign-in.map-eligibility" : "console.sign-in.map-eligibility-off",
					rule.attribute(), String.join(", ", rule.anyOf())))
			.orElse(getTranslation("console.sign-in.map-eligibility-none"))));
		if (provider.roleMapping().containsValue(Role.TENANT_ADMIN)) {
			ListItem admin = new ListItem(getTranslation("console.sign-in.map-admin-warning"));
			admin.addClassName("console-warning");
			list.add(admin);
		}
		list.setId("console-mapping-" + provider.id());
		return list;
	}

	private void addProvider() {
		Map<String, Object> fresh = new LinkedHashMap<>();
		String slug = base().yaml().scalar("slug").orElse("tenant");
		String id = slug + "-sso";
		for (int n = 2; idTaken(id); n++) {
			id = slug + "-sso-" + n;
		}
		fresh.put("id", id);
		fresh.put("attributes", Map.of());
		ProviderForm form = new ProviderForm(this.providers.size(), fresh, false);
		this.providers.add(form);
		this.providerBox.add(form);
		this.addProvider.setVisible(false);
		refresh();
	}

	private boolean idTaken(String id) {
		return this.providers.stream().anyMatch((form) -> form.id.getValue().equals(id));
	}

	/** The providers as the tenant file's list, written out the same way every time. */
	private String providersYaml() {
		if (this.providers.isEmpty()) {
			return "";
		}
		DumperOptions options = new DumperOptions();
		options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
		options.setIndent(2);
		options.setIndicatorIndent(2);
		options.setIndentWithIndicator(true);
		return new Yaml(options).dump(this.providers.stream().map(ProviderForm::toMap).toList());
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> savedProviders(YamlEdit current) {
		String text = current.yaml("identity.saml");
		if (text.isBlank()) {
			return List.of();
		}
		Object loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
		if (!(loaded instanceof List<?> list)) {
			return List.of();
		}
		return list.stream().filter(Map.class::isInstance).map((item) -> (Map<String, Object>) item).toList();
	}

	private static String text(Map<String, Object> map, String... keys) {
		Object value = map;
		for (String key : keys) {
			value = (value instanceof Map<?, ?> inner) ? inner.get(key) : null;
		}
		if (value instanceof List<?> list) {
			return list.stream().map(String::valueOf).collect(Collectors.joining(", "));
		}
		return (value != null) ? String.valueOf(value) : "";
	}

	/** One identity provider's settings, bound to its place in the list. */
	private final class ProviderForm extends Div {

		private final String path;

		private final TextField id = new TextField();

		private final TextField displayName = new TextField();

		private final TextField entityId = new TextField();

		private final RadioButtonGroup<String> source = new RadioButtonGroup<>();

		private final TextField metadataUrl = new TextField();

		private final TextField metadataFile = new TextField();

		private final Checkbox idpInitiated = new Checkbox();

		private final Map<String, TextField> attributes = new LinkedHashMap<>();

		private final TextArea roleMapping = new TextArea();

		private final Span roleWarning = new Span();

		private final TextField eligibilityAttribute = new TextField();

		private final TextField eligibilityValues = new TextField();

		ProviderForm(int index, Map<String, Object> provider, boolean saved) {
			this.path = "identity.saml[" + index + "]";
			String ids = "console-saml-" + index + "-";
			addClassName("console-provider");
			setId("console-saml-" + index);
			add(new H3(saved ? text(provider, "displayName") : getTranslation("console.sign-in.new-provider")));
			field(this.id, "id", text(provider, "id"), ids);
			this.id.setReadOnly(saved);
			add(help("id"));
			field(this.displayName, "displayName", text(provider, "displayName"), ids);
			add(help("displayName"));
			field(this.entityId, "entityId", text(provider, "entityId"), ids);
			add(help("entityId"));
			metadata(provider, ids);
			this.idpInitiated.setLabel(getTranslation("console.sign-in.idpInitiatedLogin"));
			this.idpInitiated.setValue(Boolean.parseBoolean(text(provider, "idpInitiatedLogin")));
			this.idpInitiated.setId(ids + "idpInitiatedLogin");
			this.idpInitiated.addValueChangeListener((event) -> refresh());
			bind(this.path + ".idpInitiatedLogin", this.idpInitiated);
			add(this.idpInitiated, help("idpInitiatedLogin"));
			add(new H3(getTranslation("console.sign-in.attributes")), help("attributes"));
			for (String key : List.of("email", "firstName", "lastName", "employeeId", "groups")) {
				TextField attribute = new TextField();
				field(attribute, "attributes." + key, text(provider, "attributes", key), ids);
				this.attributes.put(key, attribute);
			}
			bind(this.path + ".attributes", this.attributes.get("email"));
			add(new H3(getTranslation("console.sign-in.roles")));
			this.roleMapping.setLabel(getTranslation("console.sign-in.roleMapping"));
			this.roleMapping.setValue(roleLines(provider));
			this.roleMapping.setHelperText(getTranslation("console.sign-in.roleMapping.help", grantable()));
			this.roleMapping.setWidthFull();
			this.roleMapping.setId(ids + "roleMapping");
			this.roleMapping.setValueChangeMode(ValueChangeMode.ON_CHANGE);
			this.roleMapping.addValueChangeListener((event) -> refresh());
			bind(this.path + ".roleMapping", this.roleMapping);
			this.roleWarning.addClassName("console-applies");
			this.roleWarning.setId(ids + "admin-warning");
			add(this.roleMapping, this.roleWarning);
			add(new H3(getTranslation("console.sign-in.eligibility")), help("eligibility"));
			field(this.eligibilityAttribute, "eligibility", text(provider, "eligibility", "attribute"), ids);
			field(this.eligibilityValues, "eligibility.anyOf", text(provider, "eligibility", "anyOf"), ids);
			if (saved) {
				add(testButton(text(provider, "id"), text(provider, "displayName"), ids));
			}
		}

		private void metadata(Map<String, Object> provider, String ids) {
			String url = text(provider, "metadata", URL);
			String file = text(provider, "metadata", FILE);
			this.source.setLabel(getTranslation("console.sign-in.metadata"));
			this.source.setItems(URL, FILE);
			this.source.setItemLabelGenerator((item) -> getTranslation("console.sign-in.metadata." + item));
			this.source.setValue(file.isEmpty() ? URL : FILE);
			this.source.setId(ids + "metadata");
			bind(this.path + ".metadata", this.source);
			field(this.metadataUrl, "metadata.url", url, ids);
			this.metadataFile.setLabel(getTranslation("console.sign-in.field.metadata.file"));
			this.metadataFile.setValue(file);
			this.metadataFile.setReadOnly(true);
			this.metadataFile.setWidthFull();
			this.metadataFile.setId(ids + "metadata-file");
			bind(this.path + ".metadata.file", this.metadataFile);
			Upload upload = new Upload((UploadHandler) this::receive);
			upload.setId(ids + "metadata-upload");
			upload.setMaxFiles(1);
			upload.setMaxFileSize(AssetSource.MAX_BYTES);
			upload.setAcceptedFileTypes("application/samlmetadata+xml", "application/xml", "text/xml", ".xml");
			upload.setUploadButton(new Button(getTranslation("console.sign-in.upload-metadata")));
			upload.setDropLabel(new Span(getTranslation("console.sign-in.upload-help")));
			upload.addAllFinishedListener((event) -> upload.clearFileList());
			Div fileBox = new Div(this.metadataFile, upload);
			Runnable show = () -> {
				this.metadataUrl.setVisible(URL.equals(this.source.getValue()));
				fileBox.setVisible(FILE.equals(this.source.getValue()));
			};
			show.run();
			this.source.addValueChangeListener((event) -> {
				show.run();
				refresh();
			});
			add(this.source, this.metadataUrl, fileBox, help("metadata"));
		}

		private void receive(UploadEvent event) throws IOException {
			UI ui = event.getUI();
			byte[] content;
			try (InputStream in = event.getInputStream()) {
				content = in.readNBytes(AssetSource.MAX_BYTES + 1);
			}
			accept(ui, content);
		}

		/**
		 * An uploaded metadata file becomes an asset of the draft; the loader checks it.
		 */
		void accept(UI ui, byte[] content) {
			boolean fits = content.length <= AssetSource.MAX_BYTES;
			String slug = base().yaml().scalar("slug").orElse("tenant");
			// Named by content, like logos: a new upload never overwrites a stored file.
			String file = "assets/" + slug + "-idp-" + sha256(content).substring(0, 12) + ".xml";
			ui.access(() -> {
				// Whether it is SAML metadata at all the loader says, as for a file.
				if (!fits) {
					this.metadataFile
						.setErrorMessage(getTranslation("console.branding.too-large", AssetSource.MAX_BYTES / 1024));
					this.metadataFile.setInvalid(true);
					return;
				}
				upload(file, content);
				this.metadataFile.setValue(file);
				refresh();
			});
		}

		private Div testButton(String providerId, String name, String ids) {
			Button test = new Button(getTranslation("console.sign-in.test", name));
			test.setId(ids + "test");
			test.addClickListener((event) -> {
				SsoTests.Started started = SignInSettingsView.this.tests.start(providerId);
				// A new window: this page and the admin's own session stay as they are.
				getUI().ifPresent((ui) -> ui.getPage().open(started.url(), "_blank"));
			});
			return new Div(test, help("test"));
		}

		private void field(TextField field, String key, String value, String ids) {
			field.setLabel(getTranslation("console.sign-in.field." + key));
			field.setValue(value);
			field.setWidthFull();
			field.setValueChangeMode(ValueChangeMode.ON_CHANGE);
			field.addValueChangeListener((event) -> refresh());
			field.setId(ids + key.replace('.', '-'));
			bind(this.path + "." + key, field);
			add(field);
		}

		private Paragraph help(String key) {
			Paragraph help = new Paragraph(getTranslation("console.sign-in." + key + ".help"));
			help.addClassName("console-applies");
			return help;
		}

		void warn() {
			boolean admin = roleMap().values().stream().anyMatch(Role.TENANT_ADMIN.name()::equals);
			this.roleWarning.setText(admin ? getTranslation("console.sign-in.map-admin-warning") : "");
			this.roleWarning.setVisible(admin);
		}

		Map<String, Object> toMap() {
			Map<String, Object> map = new LinkedHashMap<>();
			put(map, "id", this.id.getValue());
			put(map, "displayName", this.displayName.getValue());
			put(map, "entityId", this.entityId.getValue());
			Map<String, Object> metadata = new LinkedHashMap<>();
			if (FILE.equals(this.source.getValue())) {
				put(metadata, FILE, this.metadataFile.getValue());
			}
			else {
				put(metadata, URL, this.metadataUrl.getValue());
			}
			map.put("metadata", metadata);
			map.put("idpInitiatedLogin", this.idpInitiated.getValue());
			Map<String, Object> attributes = new LinkedHashMap<>();
			this.attributes.forEach((key, field) -> put(attributes, key, field.getValue()));
			map.put("attributes", attributes);
			Map<String, String> roles = roleMap();
			if (!roles.isEmpty()) {
				map.put("roleMapping", roles);
			}
			List<String> allowed = Arrays.stream(this.eligibilityValues.getValue().split(","))
				.map(String::strip)
				.filter((value) -> !value.isEmpty())
				.toList();
			if (!this.eligibilityAttribute.getValue().isBlank() || !allowed.isEmpty()) {
				Map<String, Object> rule = new LinkedHashMap<>();
				put(rule, "attribute", this.eligibilityAttribute.getValue());
				rule.put("anyOf", allowed);
				map.put("eligibility", rule);
			}
			return map;
		}

		/**
		 * "group = ROLE" per line; a line without a role maps to nothing, which the
		 * loader refuses.
		 */
		private Map<String, String> roleMap() {
			Map<String, String> roles = new LinkedHashMap<>();
			for (String line : this.roleMapping.getValue().split("\n")) {
				if (line.isBlank()) {
					continue;
				}
				int separator = line.indexOf('=');
				String group = ((separator < 0) ? line : line.substring(0, separator)).strip();
				String role = (separator < 0) ? "" : line.substring(separator + 1).strip();
				roles.put(group, role);
			}
			return roles;
		}

		private static String roleLines(Map<String, Object> provider) {
			if (!(provider.get("roleMapping") instanceof Map<?, ?> roles)) {
				return "";
			}
			return roles.entrySet()
				.stream()
				.map((entry) -> entry.getKey() + " = " + entry.getValue())
				.collect(Collectors.joining("\n"));
		}

		private static void put(Map<String, Object> map, String key, String value) {
			if (value != null && !value.isBlank()) {
				map.put(key, value.strip());
			}
		}

	}

	/**
	 * The roles a programme's identity provider may grant (the loader refuses the rest).
	 */
	static String grantable() {
		return Arrays.stream(Role.values())
			.filter((role) -> !role.isPlatformRole())
			.map(Role::name)
			.collect(Collectors.joining(", "));
	}

	private static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
