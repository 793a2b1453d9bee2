package org.consilium.console.ui;

import java.io.IOException;
import java.io.InputStream;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.EmailField;
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
import org.consilium.shell.MainLayout;
import org.consilium.tenantconfig.AssetSource;
import org.consilium.tenantconfig.AssetTypes;
import org.consilium.tenantconfig.Branding;
import org.consilium.tenantconfig.HexColor;
import org.consilium.tenantconfig.TenantConfig;
import org.consilium.tenantconfig.YamlEdit;

/**
 * The programme's look and contact details: name, colours (with the contrast white text
 * gets on the primary colour, which WCAG AA wants at 4.5:1 or more), logo and favicon,
 * support contact, business hours and footer, with a preview of the site's header and
 * footer drawn from the candidate configuration. Applies to every page from the next one
 * each user opens.
 */
@Route(value = "admin/console/branding", layout = MainLayout.class)
@RolesAllowed(Roles.TENANT_ADMIN)
class BrandingEditorView extends ConsoleForm {

	private static final HexColor WHITE = new HexColor("#ffffff");

	private final TextField displayName = new TextField();

	private final TextField primary = new TextField();

	private final TextField accent = new TextField();

	private final Span primaryContrast = new Span();

	private final TextField logo = new TextField();

	private final TextField favicon = new TextField();

	private final EmailField email = new EmailField();

	private final TextField phone = new TextField();

	private final ComboBox<String> timeZone = new ComboBox<>();

	private final Map<DayOfWeek, TextField> days = new LinkedHashMap<>();

	private final Map<String, TextArea> footers = new LinkedHashMap<>();

	private final List<Locale> locales;

	private final Div previewBox = new Div();

	BrandingEditorView(ConfigConsole console) {
		super(console, "branding");
		YamlEdit current = base().yaml();
		this.locales = current.scalars("locales").stream().map(Locale::forLanguageTag).toList();
		Div form = new Div(new H2(getTranslation("console.branding.identity")),
				text(this.displayName, "displayName", "console.branding.name", current),
				color(this.primary, "branding.primaryColor", "console.branding.primary", current), this.primaryContrast,
				color(this.accent, "branding.accentColor", "console.branding.accent", current),
				image(this.logo, "branding.logo", "logo", current),
				image(this.favicon, "branding.favicon", "favicon", current),
				new H2(getTranslation("console.branding.contact")),
				text(this.email, "branding.support.email", "console.branding.email", current),
				text(this.phone, "branding.support.phone", "console.branding.phone", current), hours(current),
				new H2(getTranslation("console.branding.footer")), footers(current));
		this.primaryContrast.setId("console-primary-contrast");
		this.primaryContrast.addClassName("console-contrast");
		this.previewBox.setId("console-branding-preview");
		build(form, new Div(new H2(getTranslation("console.preview")), this.previewBox));
	}

	@Override
	protected void apply(YamlEdit yaml) {
		yaml.set("displayName", this.displayName.getValue())
			.set("branding.primaryColor", this.primary.getValue())
			.set("branding.accentColor", this.accent.getValue())
			.set("branding.logo", this.logo.getValue())
			.set("branding.favicon", this.favicon.getValue())
			.set("branding.support.email", this.email.getValue())
			.set("branding.support.phone", this.phone.getValue())
			.set("branding.businessHours.timeZone", this.timeZone.getValue());
		this.days.forEach((day, field) -> {
			String path = "branding.businessHours.weekly." + dayKey(day);
			List<String> ranges = Arrays.stream(field.getValue().split(","))
				.map(String::strip)
				.filter((range) -> !range.isEmpty())
				.toList();
			if (ranges.size() == 1) {
				yaml.set(path, ranges.get(0));
			}
			else {
				yaml.setList(path, ranges);
			}
		});
		if (this.footers.size() == 1) {
			yaml.set("branding.legalFooter", this.footers.values().iterator().next().getValue());
		}
		else if (this.footers.values().stream().allMatch((area) -> area.getValue().isBlank())) {
			yaml.remove("branding.legalFooter");
		}
		else {
			this.footers.forEach((language, area) -> yaml.set("branding.legalFooter." + language, area.getValue()));
		}
	}

	@Override
	protected void preview(TenantConfig candidate, ConfigDraft draft) {
		var branding = candidate.branding();
		double contrast = branding.primaryColor().contrastWith(WHITE);
		this.primaryContrast.setText(getTranslation(
				contrast >= Branding.MIN_CONTRAST ? "console.branding.contrast-ok" : "console.branding.contrast-low",
				String.format(getLocale(), "%.1f", contrast), String.valueOf(Branding.MIN_CONTRAST)));
		this.previewBox.removeAll();
		Div header = new Div();
		header.addClassName("preview-header");
		header.getStyle().set("background", branding.primaryColor().value()).set("color", "#ffffff");
		Optional<byte[]> logoBytes = Optional.ofNullable(draft.assets().get(branding.logo()));
		logoBytes.flatMap((bytes) -> dataUrl(bytes)).ifPresent((url) -> {
			Image image = new Image(url, getTranslation("console.branding.logo-alt", candidate.displayName()));
			image.addClassName("preview-logo");
			header.add(image);
		});
		Span name = new Span(candidate.displayName());
		name.setId("preview-name");
		header.add(name);
		Button sample = new Button(getTranslation("console.preview.button"));
		sample.getStyle().set("background", branding.primaryColor().value()).set("color", "#ffffff");
		sample.setId("preview-button");
		Span link = new Span(getTranslation("console.preview.link"));
		link.getStyle().set("color", branding.accentColor().value()).set("text-decoration", "underline");
		Div body = new Div(sample, link);
		body.addClassName("preview-body");
		Locale locale = candidate.supports(getLocale()) ? getLocale() : candidate.defaultLocale();
		Paragraph contact = new Paragraph(getTranslation("console.preview.contact", branding.support().email(),
				Optional.ofNullable(branding.support().phone()).orElse("")));
		Paragraph footer = new Paragraph(
				Optional.ofNullable(branding.legalFooter()).map((text) -> text.in(locale)).orElse(""));
		footer.addClassName("preview-footer");
		footer.setId("preview-footer");
		this.previewBox.add(header, body, contact, footer);
		this.previewBox.setWidthFull();
	}

	@Override
	public String getPageTitle() {
		return getTranslation("console.section.branding");
	}

	private TextField text(TextField field, String path, String label, YamlEdit current) {
		field.setLabel(getTranslation(label));
		field.setValue(current.scalar(path).orElse(""));
		field.setValueChangeMode(ValueChangeMode.ON_CHANGE);
		field.addValueChangeListener((event) -> refresh());
		field.setWidthFull();
		field.setId("console-" + path.replace('.', '-'));
		return bind(path, field);
	}

	private EmailField text(EmailField field, String path, String label, YamlEdit current) {
		field.setLabel(getTranslation(label));
		field.setValue(current.scalar(path).orElse(""));
		field.addValueChangeListener((event) -> refresh());
		field.setWidthFull();
		field.setId("console-" + path.replace('.', '-'));
		return bind(path, field);
	}

	private Div color(TextField field, String path, String label, YamlEdit current) {
		text(field, path, label, current);
		field.setHelperText(getTranslation("console.branding.color-help"));
		field.setMaxLength(7);
		Span swatch = new Span();
		swatch.addClassName("console-swatch");
		field.setPrefixComponent(swatch);
		Runnable paint = () -> swatch.getStyle()
			.set("background", HexColor.isValid(field.getValue()) ? field.getValue() : "transparent");
		paint.run();
		field.addValueChangeListener((event) -> paint.run());
		return new Div(field);
	}

	private Div image(TextField field, String path, String kind, YamlEdit current) {
		field.setLabel(getTranslation("console.branding." + kind));
		field.setValue(current.scalar(path).orElse(""));
		field.setReadOnly(true);
		field.setWidthFull();
		field.setId("console-" + path.replace('.', '-'));
		bind(path, field);
		Upload upload = new Upload((UploadHandler) (event) -> receive(event, field, kind));
		upload.setId("console-upload-" + kind);
		upload.setMaxFiles(1);
		upload.setMaxFileSize(AssetSource.MAX_BYTES);
		upload.setAcceptedFileTypes("image/png", "image/jpeg", "image/svg+xml", "image/x-icon", ".png", ".jpg", ".jpeg",
				".svg", ".ico");
		String buttonKey = "logo".equals(kind) ? "console.branding.upload-logo" : "console.branding.upload-favicon";
		upload.setUploadButton(new Button(getTranslation(buttonKey)));
		upload.setDropLabel(new Span(getTranslation("console.branding.upload-help")));
		upload.addAllFinishedListener((event) -> upload.clearFileList());
		return new Div(field, upload);
	}

	private void receive(UploadEvent event, TextField field, String kind) throws IOException {
		UI ui = event.getUI();
		byte[] content;
		try (InputStream in = event.getInputStream()) {
			content = in.readNBytes(AssetSource.MAX_BYTES + 1);
		}
		Optional<String> type = AssetTypes.imageType(content);
		boolean fits = content.length <= AssetSource.MAX_BYTES;
		String slug = base().yaml().scalar("slug").orElse("tenant");
		// Named by content, so a new logo never reuses an old one's cached address.
		String path = "assets/" + slug + "-" + kind + "-" + sha256(content).substring(0, 12)
				+ extension(type.orElse(""));
		ui.access(() -> {
			if (!fits || type.isEmpty()) {
				field.setErrorMessage(getTranslation(fits ? "console.branding.not-image" : "console.branding.too-large",
						AssetSource.MAX_BYTES / 1024));
				field.setInvalid(true);
				return;
			}
			upload(path, content);
			field.setValue(path);
			refresh();
		});
	}

	private Div hours(YamlEdit current) {
		this.timeZone.setLabel(getTranslation("console.branding.time-zone"));
		this.timeZone.setItems(ZoneId.getAvailableZoneIds().stream().sorted().toList());
		this.timeZone.setValue(current.scalar("branding.businessHours.timeZone").orElse(null));
		this.timeZone.setAllowCustomValue(false);
		this.timeZone.setId("console-time-zone");
		this.timeZone.addValueChangeListener((event) -> refresh());
		bind("branding.businessHours.timeZone", this.timeZone);
		Div box = new Div(new H3(getTranslation("console.branding.hours")), this.timeZone,
				new Paragraph(getTranslation("console.branding.hours-help")));
		for (DayOfWeek day : DayOfWeek.values()) {
			TextField field = new TextField(day.getDisplayName(java.time.format.TextStyle.FULL, getLocale()));
			String path = "branding.businessHours.weekly." + dayKey(day);
			field.setValue(String.join(", ", current.scalars(path)));
			field.setPlaceholder(getTranslation("console.branding.closed"));
			field.addValueChangeListener((event) -> refresh());
			field.setId("console-hours-" + dayKey(day));
			bind(path, field);
			this.days.put(day, field);
			box.add(field);
		}
		box.addClassName("console-hours");
		return box;
	}

	private Div footers(YamlEdit current) {
		Div box = new Div();
		boolean perLanguage = !current.keys("branding.legalFooter").isEmpty();
		for (Locale locale : this.locales) {
			TextArea area = new TextArea(this.locales.size() > 1
					? getTranslation("console.branding.footer-in", locale.getDisplayLanguage(getLocale()))
					: getTranslation("console.branding.footer-text"));
			String path = perLanguage ? "branding.legalFooter." + locale.getLanguage() : "branding.legalFooter";
			area.setValue(current.scalar(path).orElse(""));
			area.setWidthFull();
			area.setMaxLength(2000);
			area.setId("console-footer-" + locale.getLanguage());
			area.addValueChangeListener((event) -> refresh());
			bind(path, area);
			this.footers.put(locale.getLanguage(), area);
			box.add(area);
		}
		return box;
	}

	private static String sha256(byte[] content) {
		try {
			return java.util.HexFormat.of()
				.formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String dayKey(DayOfWeek day) {
		return day.name().toLowerCase(Locale.ROOT);
	}

	private static String extension(String mediaType) {
		return switch (mediaType) {
			case "image/png" -> ".png";
			case "image/jpeg" -> ".jpg";
			case "image/x-icon" -> ".ico";
			default -> ".svg";
		};
	}

	private static Optional<String> dataUrl(byte[] bytes) {
		return AssetTypes.imageType(bytes)
			.map((type) -> "data:" + type + ";base64," + java.util.Base64.getEncoder().encodeToString(bytes));
	}

}
