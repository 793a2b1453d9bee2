package org.consilium.programmes.internal;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import org.consilium.audit.AuditEntry;
import org.consilium.audit.AuditLog;
import org.consilium.identity.CurrentUser;
import org.consilium.identity.TenantAdminInvitations;
import org.consilium.programmes.NewProgramme;
import org.consilium.programmes.ProgrammeAdministration;
import org.consilium.tenant.SiteLinks;
import org.consilium.tenant.TenantConfigAdministration;
import org.consilium.tenant.TenantContext;
import org.consilium.tenant.TenantId;
import org.consilium.tenant.Tenants;
import org.consilium.tenantconfig.AssetSource;
import org.consilium.tenantconfig.ConfigProblem;
import org.consilium.tenantconfig.LoadedTenant;
import org.consilium.tenantconfig.TenantConfigException;
import org.consilium.tenantconfig.TenantConfigLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates a programme in one transaction in the new programme's own partition: catalog
 * rows (no DDL), the first admin's account and invitation (outbox), and the audit
 * entries, or nothing at all. Validation is the tenant-config loader's, on a tenant file
 * made from the template, so a console problem reads exactly as a file problem would. See
 * docs/decisions/022-programme-onboarding-and-suspension.md.
 */
@Service
class ProgrammeOnboarding implements ProgrammeAdministration {

	private static final Logger log = LoggerFactory.getLogger(ProgrammeOnboarding.class);

	static final String SOURCE = "console";

	private static final int MAX_REASON = 500;

	private final Tenants tenants;

	private final TenantConfigAdministration catalog;

	private final TenantAdminInvitations invitations;

	private final AuditLog audit;

	private final ProgrammeTemplate template;

	private final TransactionTemplate transactions;

	private final String siteUrl;

	private final TenantConfigLoader loader = new TenantConfigLoader();

	ProgrammeOnboarding(Tenants tenants, TenantConfigAdministration catalog, TenantAdminInvitations invitations,
			AuditLog audit, ProgrammeTemplate template, PlatformTransactionManager transactionManager,
			@Value("${consilium.links.site-url}") String siteUrl) {
		this.tenants = tenants;
		this.catalog = catalog;
		this.invitations = invitations;
		this.audit = audit;
		this.template = template;
		this.transactions = new TransactionTemplate(transactionManager);
		this.siteUrl = siteUrl;
	}

	@Override
	public List<Programme> programmes() {
		return this.tenants.all()
			.stream()
			.map((tenant) -> new Programme(tenant.id().value(), tenant.config().displayName(), tenant.config().hosts(),
					tenant.isActive(), tenant.version()))
			.toList();
	}

	@Override
	public Map<String, List<Problem>> create(NewProgramme programme, Locale adminLocale) {
		long started = System.nanoTime();
		String slug = (programme.slug() != null) ? programme.slug().strip() : "";
		LoadedTenant loaded;
		try {
			loaded = this.loader.parse("tenants/" + slug + ".yaml", this.template.render(programme),
					AssetSource.of(this.template.assets()));
		}
		catch (TenantConfigException ex) {
			return byField(ex.problems());
		}
		TenantId id = TenantId.of(loaded.config().slug());
		String createdBy = CurrentUser.require().username();
		Map<String, List<Problem>> problems;
		try {
			problems = inPartition(id, (status) -> {
				this.catalog.create(loaded, SOURCE, createdBy);
				Map<String, List<String>> refused = this.invitations.invite(programme.adminEmail(),
						programme.adminName(), adminLocale, siteUrl(loaded.config().canonicalHost()));
				if (!refused.isEmpty()) {
					status.setRollbackOnly();
					return adminProblems(refused);
				}
				return Map.of();
			});
		}
		catch (TenantConfigException ex) {
			return byField(ex.problems());
		}
		if (problems.isEmpty()) {
			log.info("Programme '{}' created by {} in {} ms", id, createdBy,
					Duration.ofNanos(System.nanoTime() - started).toMillis());
		}
		return problems;
	}

	@Override
	public Map<String, List<Problem>> suspend(TenantId programme, String reason) {
		String why = (reason != null) ? reason.strip() : "";
		if (why.isEmpty() || why.length() > MAX_REASON) {
			return Map.of(REASON, List.of(Problem.of("programmes.suspend.reason.required")));
		}
		return changeStatus(programme, () -> {
			this.catalog.suspend(programme);
			this.audit.record(AuditEntry.of("PROGRAMME_SUSPENDED").subject("tenant", programme).details(why));
		});
	}

	@Override
	public Map<String, List<Problem>> reactivate(TenantId programme) {
		return changeStatus(programme, () -> {
			this.catalog.reactivate(programme);
			this.audit.record(AuditEntry.of("PROGRAMME_REACTIVATED").subject("tenant", programme));
		});
	}

	private Map<String, List<Problem>> changeStatus(TenantId programme, Runnable change) {
		try {
			return inPartition(programme, (status) -> {
				change.run();
				return Map.of();
			});
		}
		catch (IllegalStateException | IllegalArgumentException ex) {
			// Someone else changed it first (or it is gone): the list is out of date.
			return Map.of(FORM, List.of(Problem.of("programmes.status.stale")));
		}
	}

	/** The programme's own partition: its audit chain, its accounts, its outbox. */
	private <T> T inPartition(TenantId programme, org.springframework.transaction.support.TransactionCallback<T> work) {
		Supplier<T> inTransaction = () -> this.transactions.execute(work);
		return TenantContext.callAs(programme, inTransaction);
	}

	/**
	 * The programme's root URL as the admin reaches this site (scheme and port kept), or
	 * the configured one outside a request.
	 */
	private String siteUrl(String host) {
		try {
			URI here = URI.create(SiteLinks.to(""));
			return new URI(here.getScheme(), null, host, here.getPort(), "/", null, null).toString();
		}
		catch (IllegalStateException | java.net.URISyntaxException ex) {
			return this.siteUrl.replace("{host}", host);
		}
	}

	static Map<String, List<Problem>> byField(List<ConfigProblem> problems) {
		Map<String, List<Problem>> fields = new LinkedHashMap<>();
		for (ConfigProblem problem : problems) {
			fields.computeIfAbsent(field(problem.path()), (key) -> new ArrayList<>())
				.add(new Problem("programmes.problem.config", problem.reason()));
		}
		return fields;
	}

	private static String field(String path) {
		if (path.equals("slug")) {
			return SLUG;
		}
		if (path.equals("displayName")) {
			return NAME;
		}
		if (path.startsWith("hosts")) {
			return HOSTS;
		}
		if (path.startsWith("locales")) {
			return LOCALES;
		}
		if (path.equals("branding.support.email")) {
			return ADMIN_EMAIL;
		}
		return FORM;
	}

	private static Map<String, List<Problem>> adminProblems(Map<String, List<String>> refused) {
		Map<String, List<Problem>> fields = new LinkedHashMap<>();
		refused.forEach((field, keys) -> fields.put("email".equals(field) ? ADMIN_EMAIL : ADMIN_NAME,
				keys.stream().map(Problem::of).toList()));
		return fields;
	}

}
