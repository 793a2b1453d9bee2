package org.consilium.tenantconfig;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Turns one tenant file's YAML tree into a {@link TenantConfig}, recording every problem
 * with its path. Returns a config only when the file has no problem at all.
 */
final class TenantConfigReader {

	static final Set<String> SUPPORTED_LANGUAGES = Set.of("en", "es");

	static final Set<String> RESERVED_SLUGS = Set.of("admin", "api", "localhost", "operator", "ops", "platform", "www");

	private static final Pattern SLUG = Pattern.compile("[a-z][a-z0-9-]{0,30}[a-z0-9]");

	private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");

	private static final Pattern HOST_LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ()./-]{5,24}");

	private static final Pattern AMOUNT = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

	private static final Pattern HOURS = Pattern.compile("([0-9]{2}:[0-9]{2})-([0-9]{2}:[0-9]{2})");

	private static final HexColor WHITE = new HexColor("#ffffff");

	private final Problems problems;

	private final AssetSource assets;

	private final Map<String, byte[]> usedAssets = new LinkedHashMap<>();

	private List<String> languages = List.of("en");

	TenantConfigReader(Problems problems, AssetSource assets) {
		this.problems = problems;
		this.assets = assets;
	}

	Map<String, byte[]> usedAssets() {
		return this.usedAssets;
	}

	Optional<TenantConfig> read(Node root) {
		Optional<YamlMap> top = YamlMap.of(root, "", this.problems, "slug", "displayName", "hosts", "locales",
				"branding", "identity", "billing", "workflow", "notifications");
		if (top.isEmpty()) {
			return Optional.empty();
		}
		YamlMap map = top.get();
		Optional<String> slug = map.requiredString("slug").filter((value) -> checkSlug(map, value));
		Optional<String> displayName = map.requiredString("displayName").filter((value) -> {
			if (value.length() > 80) {
				map.problem("displayName", "must be at most 80 characters");
				return false;
			}
			return true;
		});
		Optional<List<String>> hosts = readHosts(map);
		Optional<List<Locale>> locales = readLocales(map);
		Optional<Workflow> workflow = map
			.requiredMap("workflow", "doctorParticipation", "eligibility", "recordsRetrievalPartner", "approval",
					"delivery", "turnaroundDays", "specialties", "specialistPools", "intakeQuestions",
					"requiredConsents")
			.flatMap(this::readWorkflow);
		Optional<Branding> branding = map
			.requiredMap("branding", "primaryColor", "accentColor", "logo", "favicon", "support", "businessHours",
					"legalFooter")
			.flatMap(this::readBranding);
		Optional<Identity> identity = map.requiredMap("identity", "localAccounts", "saml").flatMap(this::readIdentity);
		Optional<Billing> billing = map
			.requiredMap("billing", "payer", "patientCharge", "employerInvoicing", "currency", "prices", "copay",
					"processingFee", "rereadAddOns", "cancellation")
			.flatMap((billingMap) -> readBilling(billingMap, workflow));
		Map<NotificationKind, NotificationTemplate> notifications = readNotifications(map);
		map.finish();
		if (this.problems.count() > 0) {
			return Optional.empty();
		}
		TenantConfig config = new TenantConfig(slug.get(), displayName.get(), hosts.get(), locales.get(),
				branding.get(), identity.get(), billing.get(), workflow.get(), notifications);
		checkConsistency(config, map);
		return (this.problems.count() > 0) ? Optional.empty() : Optional.of(config);
	}

	private Map<NotificationKind, NotificationTemplate> readNotifications(YamlMap top) {
		Map<NotificationKind, NotificationTemplate> templates = new LinkedHashMap<>();
		top.optional("notifications")
			.flatMap((node) -> YamlMap.open(node, top.pathOf("notifications"), this.problems))
			.ifPresent((kinds) -> {
				for (String key : kinds.keys()) {
					Optional<NotificationKind> kind = NotificationKind.fromKey(key);
					if (kind.isEmpty()) {
						kinds.problem(key,
								"'" + key + "' is not a kind of message ("
										+ Arrays.stream(NotificationKind.values())
											.map(NotificationKind::key)
											.collect(Collectors.joining(", "))
										+ ")");
						continue;
					}
					kinds.required(key)
						.flatMap((node) -> YamlMap.of(node, kinds.pathOf(key), this.problems, "subject", "body",
								"action"))
						.ifPresent((parts) -> {
							NotificationTemplate template = new NotificationTemplate(
									parts.optional("subject")
										.flatMap((n) -> readTemplateText(n, parts.pathOf("subject"))),
									parts.optional("body").flatMap((n) -> readTemplateText(n, parts.pathOf("body"))),
									parts.optional("action")
										.flatMap((n) -> readTemplateText(n, parts.pathOf("action"))));
							parts.finish();
							templates.put(kind.get(), template);
						});
				}
			});
		return templates;
	}

	/** Template text: localized, and only the placeholders {programme} and {name}. */
	private Optional<LocalizedText> readTemplateText(Node node, String path) {
		return readText(node, path).filter((text) -> {
			for (Map.Entry<String, String> translation : text.translations().entrySet()) {
				var matcher = Pattern.compile("\\{([^}]*)}").matcher(translation.getValue());
				while (matcher.find()) {
					if (!List.of("programme", "name").contains(matcher.group(1))) {
						this.problems.add(path + "." + translation.getKey(),
								"unknown placeholder {" + matcher.group(1) + "} (use {programme} or {name})", node);
						return false;
					}
				}
			}
			return true;
		});
	}

	private boolean checkSlug(YamlMap map, String slug) {
		if (!SLUG.matcher(slug).matches()) {
			map.problem("slug", "must be 2 to 32 lower-case letters, digits or '-', starting with a letter");
			return false;
		}
		if (RESERVED_SLUGS.contains(slug)) {
			map.problem("slug", "'" + slug + "' is reserved for the platform");
			return false;
		}
		return true;
	}

	private Optional<List<String>> readHosts(YamlMap map) {
		Optional<List<String>> hosts = map.stringList("hosts", true);
		if (hosts.isEmpty()) {
			return hosts;
		}
		List<String> result = new ArrayList<>();
		int before = this.problems.count();
		for (int i = 0; i < hosts.get().size(); i++) {
			String host = hosts.get().get(i).toLowerCase(Locale.ROOT);
			String path = Problems.index(map.pathOf("hosts"), i);
			if (!isHostName(host)) {
				this.problems.add(path, "'" + host + "' is not a host name (no scheme, port or path)",
						map.nodeOf("hosts"));
			}
			else if (result.contains(host)) {
				this.problems.add(path, "'" + host + "' is listed twice", map.nodeOf("hosts"));
			}
			result.add(host);
		}
		if (result.isEmpty()) {
			map.problem("hosts", "must list at least one host name");
		}
		return (this.problems.count() > before || result.isEmpty()) ? Optional.empty() : Optional.of(result);
	}

	static boolean isHostName(String host) {
		if (host.length() > 253 || host.isEmpty() || host.chars().allMatch((c) -> Character.isDigit(c) || c == '.')) {
			return false;
		}
		for (String label : host.split("\\.", -1)) {
			if (!HOST_LABEL.matcher(label).matches()) {
				return false;
			}
		}
		return true;
	}

	private Optional<List<Locale>> readLocales(YamlMap map) {
		Optional<List<String>> codes = map.stringList("locales", true);
		if (codes.isEmpty()) {
			return Optional.empty();
		}
		int before = this.problems.count();
		List<String> seen = new ArrayList<>();
		for (int i = 0; i < codes.get().size(); i++) {
			String code = codes.get().get(i);
			String path = Problems.index(map.pathOf("locales"), i);
			if (!SUPPORTED_LANGUAGES.contains(code)) {
				this.problems.add(path,
						"'" + code + "' is not supported (supported: "
								+ SUPPORTED_LANGUAGES.stream().sorted().collect(Collectors.joining(", ")) + ")",
						map.nodeOf("locales"));
			}
			else if (seen.contains(code)) {
				this.problems.add(path, "'" + code + "' is listed twice", map.nodeOf("locales"));
			}
			seen.add(code);
		}
		if (codes.get().isEmpty()) {
			map.problem("locales", "must list at least one locale");
		}
		if (this.problems.count() > before || seen.isEmpty()) {
			return Optional.empty();
		}
		this.languages = List.copyOf(seen);
		return Optional.of(seen.stream().map(Locale::forLanguageTag).toList());
	}

	private Optional<Branding> readBranding(YamlMap map) {
		int before = this.problems.count();
		Optional<HexColor> primary = readColor(map, "primaryColor");
		primary.ifPresent((color) -> {
			double contrast = color.contrastWith(WHITE);
			if (contrast < Branding.MIN_CONTRAST) {
				map.problem("primaryColor",
						"white text on %s has contrast %.1f:1; WCAG AA needs at least %.1f:1 to be readable"
							.formatted(color, contrast, Branding.MIN_CONTRAST));
			}
		});
		Optional<HexColor> accent = readColor(map, "accentColor");
		Optional<String> logo = map.requiredString("logo").filter((path) -> checkAsset(map, "logo", path, true));
		Optional<String> favicon = map.optionalString("favicon")
			.filter((path) -> checkAsset(map, "favicon", path, true));
		Optional<Contact> support = map.requiredMap("support", "email", "phone").flatMap(this::readContact);
		Optional<BusinessHours> hours = map.requiredMap("businessHours", "timeZone", "weekly", "closedDates")
			.flatMap(this::readBusinessHours);
		Optional<LocalizedText> footer = map.optional("legalFooter")
			.flatMap((node) -> readText(node, map.pathOf("legalFooter")));
		map.finish();
		if (this.problems.count() > before) {
			return Optional.empty();
		}
		return Optional.of(new Branding(primary.get(), accent.get(), logo.get(), favicon.orElse(null), support.get(),
				hours.get(), footer.orElse(null)));
	}

	private Optional<HexColor> readColor(YamlMap map, String key) {
		return map.requiredString(key).flatMap((value) -> {
			if (!HexColor.isValid(value)) {
				map.problem(key, "'" + value + "' is not a colour; write it as #rrggbb, e.g. #1a5fb4");
				return Optional.empty();
			}
			return Optional.of(new HexColor(value));
		});
	}

	private boolean checkAsset(YamlMap map, String key, String path, boolean image) {
		if (path.startsWith("/") || path.contains("\\") || path.contains("..") || path.contains(":")) {
			map.problem(key, "must be a relative path inside the tenants directory, e.g. assets/logo.svg");
			return false;
		}
		Optional<byte[]> bytes;
		try {
			bytes = this.assets.read(path);
		}
		catch (AssetSource.AssetTooLargeException ex) {
			map.problem(key, "'" + path + "' is " + ex.size() / 1024 + " KiB; at most " + AssetSource.MAX_BYTES / 1024
					+ " KiB is allowed");
			return false;
		}
		if (bytes.isEmpty()) {
			map.problem(key, "file '" + path + "' does not exist");
			return false;
		}
		if (image && AssetTypes.imageType(bytes.get()).isEmpty()) {
			map.problem(key, "'" + path + "' is not a PNG, JPEG, ICO or SVG image");
			return false;
		}
		if (!image && !AssetTypes.looksLikeSamlMetadata(bytes.get())) {
			map.problem(key, "'" + path + "' is not SAML metadata (no EntityDescriptor element)");
			return false;
		}
		this.usedAssets.put(path, bytes.get());
		return true;
	}

	private Optional<Contact> readContact(YamlMap map) {
		int before = this.problems.count();
		Optional<String> email = map.requiredString("email").filter((value) -> {
			if (!EMAIL.matcher(value).matches()) {
				map.problem("email", "'" + value + "' is not an e-mail address");
				return false;
			}
			return true;
		});
		Optional<String> phone = map.optionalString("phone").filter((value) -> {
			if (!PHONE.matcher(value).matches()) {
				map.problem("phone", "'" + value + "' is not a phone number, e.g. +1 555 0100");
				return false;
			}
			return true;
		});
		map.finish();
		return (this.problems.count() > before) ? Optional.empty()
				: Optional.of(new Contact(email.get(), phone.orElse(null)));
	}

	private Optional<BusinessHours> readBusinessHours(YamlMap map) {
		int before = this.problems.count();
		Optional<ZoneId> zone = map.requiredString("timeZone").flatMap((value) -> {
			try {
				return Optional.of(ZoneId.of(value));
			}
			catch (DateTimeException ex) {
				map.problem("timeZone", "'" + value + "' is not a time zone, e.g. America/New_York");
				return Optional.empty();
			}
		});
		Map<DayOfWeek, List<TimeRange>> weekly = new EnumMap<>(DayOfWeek.class);
		map.requiredMap("weekly", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
			.ifPresent((days) -> {
				for (DayOfWeek day : DayOfWeek.values()) {
					String key = day.name().toLowerCase(Locale.ROOT);
					days.optional(key).ifPresent((node) -> weekly.put(day, readDay(node, days.pathOf(key))));
				}
				days.finish();
			});
		Optional<List<LocalDate>> closed = map.list("closedDates", false,
				(node, path) -> map.text(node, path).flatMap((value) -> {
					try {
						return Optional.of(LocalDate.parse(value));
					}
					catch (DateTimeParseException ex) {
						this.problems.add(path, "'" + value + "' is not a date like 2026-12-25", node);
						return Optional.empty();
					}
				}));
		map.finish();
		if (this.problems.count() > before) {
			return Optional.empty();
		}
		return Optional.of(new BusinessHours(zone.get(), weekly, new HashSet<>(closed.get())));
	}

	private List<TimeRange> readDay(Node node, String path) {
		List<Node> items = (node instanceof SequenceNode sequence) ? sequence.getValue() : List.of(node);
		List<TimeRange> ranges = new ArrayList<>();
		for (Node item : items) {
			if (item instanceof ScalarNode scalar && "closed".equalsIgnoreCase(scalar.getValue().strip())) {
				continue;
			}
			String text = (item instanceof ScalarNode scalar) ? scalar.getValue().strip().replace(" ", "") : "";
			var matcher = HOURS.matcher(text);
			try {
				if (!matcher.matches()) {
					throw new DateTimeParseException("", text, 0);
				}
				TimeRange range = new TimeRange(LocalTime.parse(matcher.group(1)), LocalTime.parse(matcher.group(2)));
				if (ranges.stream().anyMatch((r) -> r.from().isBefore(range.to()) && range.from().isBefore(r.to()))) {
					this.problems.add(path, "opening hours overlap", item);
				}
				ranges.add(range);
			}
			catch (DateTimeParseException | IllegalArgumentException ex) {
				this.problems.add(path, "'" + text + "' is not opening hours like 08:00-18:00 (or 'closed')", item);
			}
		}
		return ranges;
	}

	private Optional<Identity> readIdentity(YamlMap map) {
		int before = this.problems.count();
		boolean local = map.bool("localAccounts", false);
		Optional<List<SamlProvider>> saml = map.list("saml", false, this::readSamlProvider);
		saml.ifPresent((providers) -> {
			Set<String> ids = new HashSet<>();
			for (int i = 0; i < providers.size(); i++) {
				if (!ids.add(providers.get(i).id())) {
					this.problems.add(Problems.index(map.pathOf("saml"), i) + ".id",
							"'" + providers.get(i).id() + "' is used by another provider of this tenant",
							map.nodeOf("saml"));
				}
			}
		});
		map.finish();
		if (this.problems.count() > before) {
			return Optional.empty();
		}
		if (!local && saml.get().isEmpty()) {
			this.problems.add(map.path(), "no way to sign in: set localAccounts to true or add a SAML provider",
					map.node());
			return Optional.empty();
		}
		return Optional.of(new Identity(local, saml.get()));
	}

	private Optional<SamlProvider> readSamlProvider(Node node, String path) {
		Optional<YamlMap> candidate = YamlMap.of(node, path, this.problems, "id", "displayName", "entityId", "metadata",
				"idpInitiatedLogin", "attributes", "roleMapping", "eligibility");
		if (candidate.isEmpty()) {
			return Optional.empty();
		}
		YamlMap map = candidate.get();
		int before = this.problems.count();
		Optional<String> id = map.requiredString("id").filter((value) -> checkId(map, "id", value));
		Optional<String> displayName = map.requiredString("displayName");
		Optional<String> entityId = map.requiredString("entityId");
		Optional<SamlProvider.Metadata> metadata = map.requiredMap("metadata", "file", "url")
			.flatMap(this::readMetadata);
		boolean idpInitiated = map.bool("idpInitiatedLogin", false);
		Optional<SamlProvider.AttributeMapping> attributes = map
			.requiredMap("attributes", "email", "firstName", "lastName", "employeeId", "groups")
			.flatMap((attrs) -> {
				int start = this.problems.count();
				Optional<String> email = attrs.requiredString("email");
				var mapping = new SamlProvider.AttributeMapping(email.orElse(null), attrs.optionalString("firstName"),
						attrs.optionalString("lastName"), attrs.optionalString("employeeId"),
						attrs.optionalString("groups"));
				attrs.finish();
				return (this.problems.count() > start) ? Optional.empty() : Optional.of(mapping);
			});
		Map<String, Role> roles = new LinkedHashMap<>();
		map.optional("roleMapping")
			.flatMap((roleNode) -> YamlMap.open(roleNode, map.pathOf("roleMapping"), this.problems))
			.ifPresent((roleMap) -> {
				for (String group : roleMap.keys()) {
					roleMap.required(group)
						.flatMap((value) -> roleMap.enumValue(value, roleMap.pathOf(group), Role.class))
						.ifPresent((role) -> {
							if (role.isPlatformRole()) {
								roleMap.problem(group,
										role + " is an operator role; a tenant's identity provider cannot grant it");
							}
							roles.put(group, role);
						});
				}
			});
		if (!roles.isEmpty() && attributes.isPresent() && attributes.get().groups().isEmpty()) {
			map.problem("roleMapping", "needs attributes.groups to say which attribute carries the groups");
		}
		Optional<EligibilityRule> eligibility = map.optionalMap("eligibility", "attribute", "anyOf").flatMap((rule) -> {
			int start = this.problems.count();
			Optional<String> attribute = rule.requiredString("attribute");
			Optional<List<String>> values = rule.stringList("anyOf", true);
			values.filter(List::isEmpty).ifPresent((empty) -> rule.problem("anyOf", "must list at least one value"));
			rule.finish();
			return (this.problems.count() > start) ? Optional.empty()
					: Optional.of(new EligibilityRule(attribute.get(), values.get()));
		});
		map.finish();
		if (this.problems.count() > before) {
			return Optional.empty();
		}
		return Optional.of(new SamlProvider(id.get(), displayName.get(), entityId.get(), metadata.get(), idpInitiated,
				attributes.get(), roles, eligibility));
	}

	private Optional<SamlProvider.Metadata> readMetadata(YamlMap map) {
		int before = this.problems.count();
		Optional<String> file = map.optionalString("file").filter((path) -> checkAsset(map, "file", path, false));
		Optional<String> url = map.optionalString("url").filter((value) -> {
			boolean https = value.startsWith("https://");
			boolean localHttp = value
				.matches("http://(localhost|127\\.0\\.0\\.1|[a-z0-9.-]+\\.localhost)(:[0-9]+)?/.*");
			if (!https && !localHttp) {
				map.problem("url", "must be an https:// URL (plain http only for localhost)");
				return false;
			}
			return true;
		});
		map.finish();
		if (this.problems.count() > before) {
			return Optional.empty();
		}
		if (file.isPresent() == url.isPresent()) {
			this.problems.add(map.path(), "give exactly one of file or url", map.node());
			return Optional.empty();
		}
		return Optional.of(new SamlProvider.Metadata(file, url));
	}

	private boolean checkId(YamlMap map, String key, String value) {
		if (!ID.matcher(value).matches()) {
			map.problem(key, "'" + value + "' must be lower-case letters, digits, '.', '_' or '-'");
			return false;
		}
		return true;
	}

	private Optional<Billing> readBilling(YamlMap map, Optional<Workflow> workflow) {
		int before = this.problems.count();
		Optional<Billing.Payer> payer = map.requiredEnum("payer", Billing.Payer.class);
		Optional<Billing.PatientCharge> patientCharge = readPatientCharge(map);
		Optional<Billing.EmployerInvoicing> invoicing = map.optionalEnum("employerInvoicing",
				Billing.EmployerInvoicing.class);
		Optional<Currency> currency = map.requiredString("currency").flatMap((code) -> {
			try {
				Currency parsed = Currency.getInstance(code);
				if (!parsed.getCurrencyCode().equals(code)) {
					throw new IllegalArgumentException();
				}
				if (parsed.getDefaultFractionDigits() < 0) {
					map.problem("currency", "'" + code + "' has no minor unit, so nothing can be charged in it");
					return Optional.empty();
				}
				return Optional.of(parsed);
			}
			catch (IllegalArgumentException ex) {
				map.problem("currency", "'" + code + "' is not an ISO 4217 currency code, e.g. USD");
				return Optional.empty();
			}
		});
		Map<String, Money> prices = new LinkedHashMap<>();
		Map<Billing.Reread, Money> addOns = new EnumMap<>(Billing.Reread.class);
		Optional<Money> copay = Optional.empty();
		Optional<Money> processingFee = Optional.empty();
		if (currency.isPresent()) {
			map.optional("prices")
				.flatMap((node) -> YamlMap.open(node, map.pathOf("prices"), this.problems))
				.ifPresent((priceMap) -> {
					for (String key : priceMap.keys()) {
						readMoney(priceMap, key, currency.get()).ifPresent((money) -> prices.put(key, money));
						boolean offered = workflow.map((w) -> w.specialties().contains(key)).orElse(true);
						if (!Billing.DEFAULT_PRICE.equals(key) && !offered) {
							priceMap.problem(key, "'" + key + "' is not one of workflow.specialties");
						}
					}
				});
			copay = map.has("copay") ? readMoney(map, "copay", currency.get()) : Optional.empty();
			processingFee = map.has("processingFee") ? readMoney(map, "processingFee", currency.get())
					: Optional.empty();
			map.optional("rereadAddOns")
				.flatMap((node) -> YamlMap.open(node, map.pathOf("rereadAddOns"), this.problems))
				.ifPresent((addOnMap) -> {
					for (String key : addOnMap.keys()) {
						Optional<Billing.Reread> kind = Billing.Reread.fromKey(key);
						if (kind.isEmpty()) {
							addOnMap.problem(key,
									"'" + key + "' is not a kind of re-read ("
											+ Arrays.stream(Billing.Reread.values())
												.map(Billing.Reread::key)
												.collect(Collectors.joining(", "))
											+ ")");
							continue;
						}
						readMoney(addOnMap, key, currency.get()).ifPresent((money) -> addOns.put(kind.get(), money));
					}
				});
		}
		Optional<Billing.Cancellation> cancellation = readCancellation(map);
		map.finish();
		if (this.problems.count() > before) {
			return Optional.empty();
		}
		Billing.Payer who = payer.get();
		if (who.patientPays() && patientCharge.isEmpty()) {
			map.problem("patientCharge", "is required when the patient pays (ON_COMPLETION)");
		}
		if (!who.patientPays() && patientCharge.isPresent()) {
			map.problem("patientCharge", "only applies when the patient pays, but payer is " + who);
		}
		if (who.employerPays() && invoicing.isEmpty()) {
			map.problem("employerInvoicing", "is required when the employer pays (PER_CASE or MONTHLY)");
		}
		if (!who.employerPays() && invoicing.isPresent()) {
			map.problem("employerInvoicing", "only applies when the employer pays, but payer is " + who);
		}
		if (who != Billing.Payer.FREE && !prices.containsKey(Billing.DEFAULT_PRICE)) {
			map.problem("prices", "needs a 'default' price");
		}
		if (who == Billing.Payer.COPAY_AND_EMPLOYER && copay.isEmpty()) {
			map.problem("copay", "is required when payer is COPAY_AND_EMPLOYER");
		}
		if (who != Billing.Payer.COPAY_AND_EMPLOYER && copay.isPresent()) {
			map.problem("copay", "only applies when payer is COPAY_AND_EMPLOYER");
		}
		Optional<Money> theCopay = copay;
		if (theCopay.isPresent()
				&& prices.values().stream().anyMatch((price) -> theCopay.get().compareTo(price) >= 0)) {
			map.problem("copay", "must be less than every price");
		}
		if (!who.patientPays() && processingFee.isPresent()) {
			map.problem("processingFee",
					"only applies when the patient pays (it is charged to the patient's card at submission), but payer is "
							+ who);
		}
		if (who == Billing.Payer.FREE && !addOns.isEmpty()) {
			map.problem("rereadAddOns", "only apply when someone pays, but payer is FREE");
		}
		if (this.problems.count() > before) {
			return Optional.empty();
		}
		if (processingFee.isPresent()) {
			// The fee is kept whatever happens to the case; at or above the patient's
			// share it
			// would be the real price, charged before anyone looked at the case.
			Money smallestShare = (who == Billing.Payer.COPAY_AND_EMPLOYER) ? copay.get()
					: prices.values().stream().min(Money::compareTo).orElseThrow();
			if (processingFee.get().compareTo(smallestShare) >= 0) {
				map.problem("processingFee",
						"must be less than the patient's share on completion (" + smallestShare + ")");
				return Optional.empty();
			}
		}
		return Optional.of(new Billing(who, patientCharge, invoicing, currency.get(), prices, copay, processingFee,
				addOns, cancellation.get()));
	}

	/**
	 * Names the way to take money at submission rather than just listing the one value
	 * left: ON_SUBMISSION used to exist, and tenant files written then still say it.
	 */
	private Optional<Billing.PatientCharge> readPatientCharge(YamlMap map) {
		boolean onSubmission = map.optional("patientCharge")
			.filter((node) -> node instanceof ScalarNode scalar
					&& "ON_SUBMISSION".equals(scalar.getValue().strip().replace('-', '_').toUpperCase(Locale.ROOT)))
			.isPresent();
		if (onSubmission) {
			map.problem("patientCharge",
					"ON_SUBMISSION is no longer supported: the card is charged on completion (ON_COMPLETION); "
							+ "to take money at submission, set processingFee (charged at submission, never refunded)");
			return Optional.empty();
		}
		return map.optionalEnum("patientCharge", Billing.PatientCharge.class);
	}

	/**
	 * All three percentages, or none: a half-written policy would silently owe nothing.
	 */
	private Optional<Billing.Cancellation> readCancellation(YamlMap billing) {
		if (billing.optional("cancellation").isEmpty()) {
			return Optional.of(Billing.Cancellation.NONE_OWED);
		}
		int before = this.problems.count();
		Optional<YamlMap> block = billing.optionalMap("cancellation", "beforeReview", "inReview",
				"afterCompletionRefund");
		if (block.isEmpty()) {
			return Optional.empty();
		}
		YamlMap map = block.get();
		List<Integer> percents = new ArrayList<>();
		for (String key : List.of("beforeReview", "inReview", "afterCompletionRefund")) {
			if (!map.has(key)) {
				map.problem(key, "is required: give beforeReview, inReview and afterCompletionRefund "
						+ "(percentages 0 to 100), or leave cancellation out so that nothing is owed");
				continue;
			}
			map.requiredInt(key, 0, 100).ifPresent(percents::add);
		}
		map.finish();
		if (this.problems.count() > before) {
			return Optional.empty();
		}
		return Optional.of(new Billing.Cancellation(percents.get(0), percents.get(1), percents.get(2)));
	}

	private Optional<Money> readMoney(YamlMap map, String key, Currency currency) {
		return map.required(key).flatMap((node) -> {
			boolean number = node instanceof ScalarNode scalar
					&& (Tag.INT.equals(scalar.getTag()) || Tag.FLOAT.equals(scalar.getTag()))
					&& AMOUNT.matcher(scalar.getValue()).matches();
			if (!number) {
				map.problem(key, "must be an amount like 750.00");
				return Optional.empty();
			}
			BigDecimal amount = new BigDecimal(((ScalarNode) node).getValue());
			if (amount.signum() <= 0) {
				map.problem(key, "must be more than zero");
				return Optional.empty();
			}
			if (amount.stripTrailingZeros().scale() > currency.getDefaultFractionDigits()) {
				map.problem(key, "has more decimal places than " + currency.getCurrencyCode() + " allows ("
						+ currency.getDefaultFractionDigits() + ")");
				return Optional.empty();
			}
			return Optional.of(new Money(amount.stripTrailingZeros(), currency));
		});
	}

	private Optional<Workflow> readWorkflow(YamlMap map) {
		int before = this.problems.count();
		var doctor = map.requiredEnum("doctorParticipation", Workflow.DoctorParticipation.class);
		var eligibility = map.requiredEnum("eligibility", Workflow.Eligibility.class);
		boolean retrieval = map.bool("recordsRetrievalPartner", false);
		var approval = map.requiredEnum("approval", Workflow.Approval.class);
		var delivery = map.requiredEnum("delivery", Workflow.Delivery.class);
		Optional<Integer> turnaround = map.requiredInt("turnaroundDays", Workflow.MIN_TURNAROUND_DAYS,
				Workflow.MAX_TURNAROUND_DAYS);
		Optional<List<String>> specialties = readCodes(map, "specialties",
				(code) -> Specialties.isKnown(code) ? null
						: "'" + code + "' is not a specialty of the operator's catalog ("
								+ String.join(", ", Specialties.CATALOG) + ")");
		Optional<List<String>> pools = readCodes(map, "specialistPools", (code) -> ID.matcher(code).matches() ? null
				: "'" + code + "' is not a pool id (lower-case, digits, '-')");
		Map<String, List<IntakeQuestion>> questions = new LinkedHashMap<>();
		map.optional("intakeQuestions")
			.flatMap((node) -> YamlMap.open(node, map.pathOf("intakeQuestions"), this.problems))
			.ifPresent((perSpecialty) -> {
				for (String specialty : perSpecialty.keys()) {
					if (specialties.isPresent() && !specialties.get().contains(specialty)) {
						perSpecialty.problem(specialty, "'" + specialty + "' is not one of workflow.specialties");
					}
					perSpecialty.list(specialty, true, this::readQuestion).ifPresent((list) -> {
						checkUnique(list.stream().map(IntakeQuestion::id).toList(), perSpecialty.pathOf(specialty),
								perSpecialty.nodeOf(specialty));
						questions.put(specialty, list);
					});
				}
			});
		Optional<List<Consent>> consents = map.list("requiredConsents", false, this::readConsent);
		consents.ifPresent((list) -> checkUnique(list.stream().map(Consent::id).toList(),
				map.pathOf("requiredConsents"), map.nodeOf("requiredConsents")));
		map.finish();
		if (this.problems.count() > before) {
			return Optional.empty();
		}
		if (delivery.get() == Workflow.Delivery.DOCTOR_FIRST && doctor.get() == Workflow.DoctorParticipation.SKIPPED) {
			map.problem("delivery", "DOCTOR_FIRST needs a doctor, but doctorParticipation is SKIPPED");
			return Optional.empty();
		}
		return Optional.of(new Workflow(doctor.get(), eligibility.get(), retrieval, approval.get(), delivery.get(),
				turnaround.get(), specialties.get(), pools.get(), questions, consents.get()));
	}

	private Optional<List<String>> readCodes(YamlMap map, String key,
			java.util.function.Function<String, String> check) {
		Optional<List<String>> codes = map.stringList(key, true);
		if (codes.isEmpty()) {
			return codes;
		}
		int before = this.problems.count();
		Set<String> seen = new LinkedHashSet<>();
		for (int i = 0; i < codes.get().size(); i++) {
			String code = codes.get().get(i);
			String reason = check.apply(code);
			if (reason != null) {
				this.problems.add(Problems.index(map.pathOf(key), i), reason, map.nodeOf(key));
			}
			else if (!seen.add(code)) {
				this.problems.add(Problems.index(map.pathOf(key), i), "'" + code + "' is listed twice",
						map.nodeOf(key));
			}
		}
		if (codes.get().isEmpty()) {
			map.problem(key, "must list at least one");
		}
		return (this.problems.count() > before || seen.isEmpty()) ? Optional.empty() : Optional.of(List.copyOf(seen));
	}

	private void checkUnique(List<String> ids, String path, Node node) {
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < ids.size(); i++) {
			if (!seen.add(ids.get(i))) {
				this.problems.add(Problems.index(path, i) + ".id", "'" + ids.get(i) + "' is used twice", node);
			}
		}
	}

	private Optional<IntakeQuestion> readQuestion(Node node, String path) {
		Optional<YamlMap> candidate = YamlMap.of(node, path, this.problems, "id", "type", "required", "label",
				"options");
		if (candidate.isEmpty()) {
			return Optional.empty();
		}
		YamlMap map = candidate.get();
		int before = this.problems.count();
		Optional<String> id = map.requiredString("id").filter((value) -> checkId(map, "id", value));
		Optional<IntakeQuestion.Type> type = map.requiredEnum("type", IntakeQuestion.Type.class);
		boolean required = map.bool("required", false);
		Optional<LocalizedText> label = map.required("label").flatMap((value) -> readText(value, map.pathOf("label")));
		Optional<List<LocalizedText>> options = map.list("options", false, this::readText);
		map.finish();
		if (this.problems.count() > before) {
			return Optional.empty();
		}
		boolean choice = type.get() == IntakeQuestion.Type.SINGLE_CHOICE;
		if (choice && options.get().size() < 2) {
			map.problem("options", "a SINGLE_CHOICE question needs at least two options");
			return Optional.empty();
		}
		if (!choice && !options.get().isEmpty()) {
			map.problem("options", "only a SINGLE_CHOICE question has options");
			return Optional.empty();
		}
		return Optional.of(new IntakeQuestion(id.get(), type.get(), required, label.get(), options.get()));
	}

	private Optional<Consent> readConsent(Node node, String path) {
		Optional<YamlMap> candidate = YamlMap.of(node, path, this.problems, "id", "version", "text");
		if (candidate.isEmpty()) {
			return Optional.empty();
		}
		YamlMap map = candidate.get();
		int before = this.problems.count();
		Optional<String> id = map.requiredString("id").filter((value) -> checkId(map, "id", value));
		Optional<String> version = map.requiredString("version");
		Optional<LocalizedText> text = map.required("text").flatMap((value) -> readText(value, map.pathOf("text")));
		map.finish();
		return (this.problems.count() > before) ? Optional.empty()
				: Optional.of(new Consent(id.get(), version.get(), text.get()));
	}

	/**
	 * Text the tenant writes: a mapping with one entry per tenant locale, or a plain
	 * string when the tenant has a single locale.
	 */
	private Optional<LocalizedText> readText(Node node, String path) {
		if (node instanceof ScalarNode scalar && !YamlMap.isNull(scalar)) {
			if (this.languages.size() > 1) {
				this.problems.add(path, "needs a translation per locale (" + String.join(", ", this.languages)
						+ "), e.g. { en: ..., es: ... }", node);
				return Optional.empty();
			}
			String text = scalar.getValue().strip();
			if (text.isEmpty()) {
				this.problems.add(path, "must not be blank", node);
				return Optional.empty();
			}
			return Optional.of(new LocalizedText(Map.of(this.languages.get(0), text)));
		}
		Optional<YamlMap> candidate = YamlMap.of(node, path, this.problems, this.languages.toArray(String[]::new));
		if (candidate.isEmpty()) {
			return Optional.empty();
		}
		YamlMap map = candidate.get();
		int before = this.problems.count();
		Map<String, String> translations = new LinkedHashMap<>();
		for (String language : this.languages) {
			map.optionalString(language)
				.ifPresentOrElse((text) -> translations.put(language, text),
						() -> map.problem(language, "translation is missing"));
		}
		for (String key : map.keys()) {
			if (!this.languages.contains(key)) {
				map.problem(key,
						"'" + key + "' is not one of the tenant's locales (" + String.join(", ", this.languages) + ")");
			}
		}
		return (this.problems.count() > before) ? Optional.empty() : Optional.of(new LocalizedText(translations));
	}

	private void checkConsistency(TenantConfig config, YamlMap map) {
		Workflow workflow = config.workflow();
		List<SamlProvider> providers = config.identity().samlProviders();
		if (workflow.eligibility() == Workflow.Eligibility.SSO_ATTRIBUTE) {
			if (providers.isEmpty()) {
				this.problems.add("workflow.eligibility", "SSO_ATTRIBUTE needs at least one SAML provider",
						map.nodeOf("workflow"));
			}
			for (int i = 0; i < providers.size(); i++) {
				if (providers.get(i).eligibility().isEmpty()) {
					this.problems.add("identity.saml[" + i + "].eligibility",
							"is required because workflow.eligibility is SSO_ATTRIBUTE", map.nodeOf("identity"));
				}
			}
		}
		else {
			for (int i = 0; i < providers.size(); i++) {
				if (providers.get(i).eligibility().isPresent()) {
					this.problems.add("identity.saml[" + i + "].eligibility",
							"has no effect unless workflow.eligibility is SSO_ATTRIBUTE (it is "
									+ workflow.eligibility() + ")",
							map.nodeOf("identity"));
				}
			}
		}
	}

}
