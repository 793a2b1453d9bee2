package org.consilium.identity.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.consilium.audit.AuditEntry;
import org.consilium.audit.AuditLog;
import org.consilium.identity.CurrentUser;
import org.consilium.identity.Demographics;
import org.consilium.identity.PatientProfiles;
import org.consilium.tenant.TenantContext;
import org.consilium.tenant.Tenants;
import org.consilium.tenantconfig.TenantConfig;
import org.consilium.tenantconfig.Workflow;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Patients' demographics: checked field by field (message keys next to each field), and
 * against the employer's census where the programme uses one.
 */
@Service
class PatientProfileService implements PatientProfiles {

	private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ()./-]{5,24}");

	private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

	private final PatientProfileRepository profiles;

	private final Census census;

	private final Tenants tenants;

	private final Partitions partitions;

	private final AuditLog audit;

	private final Clock clock;

	PatientProfileService(PatientProfileRepository profiles, Census census, Tenants tenants, Partitions partitions,
			AuditLog audit, Clock clock) {
		this.profiles = profiles;
		this.census = census;
		this.tenants = tenants;
		this.partitions = partitions;
		this.audit = audit;
		this.clock = clock;
	}

	@Override
	public Optional<Demographics> find(String userId) {
		return this.partitions.inCurrentSite(() -> this.profiles.findById(userId).map(PatientProfile::demographics));
	}

	@Override
	public boolean eligible(String userId) {
		return this.partitions.inCurrentSite(() -> {
			if (this.tenants.current().config().workflow().eligibility() != Workflow.Eligibility.CENSUS) {
				return true;
			}
			return this.profiles.findById(userId)
				.map(PatientProfile::demographics)
				.map((d) -> this.census.covers(d.employeeId(), d.legalName(), d.dateOfBirth()))
				.orElse(false);
		});
	}

	@Override
	@PreAuthorize("hasRole('PATIENT')")
	public Map<String, List<String>> saveOwn(Demographics demographics) {
		String userId = CurrentUser.require().id();
		return this.partitions.inCurrentSite(() -> {
			Map<String, List<String>> problems = check(demographics);
			if (problems.isEmpty()) {
				save(userId, demographics);
			}
			return problems;
		});
	}

	/**
	 * Checks every field and, on census programmes, eligibility. Runs in the tenant's
	 * transaction.
	 */
	Map<String, List<String>> check(Demographics d) {
		Map<String, List<String>> problems = new LinkedHashMap<>();
		TenantConfig tenant = this.tenants.current().config();
		require(problems, "legalName", d.legalName(), 200);
		if (d.dateOfBirth() == null) {
			problems.put("dateOfBirth", List.of("profile.error.required"));
		}
		else if (d.dateOfBirth().isAfter(LocalDate.now(this.clock))
				|| d.dateOfBirth().isBefore(LocalDate.of(1900, 1, 1))) {
			problems.put("dateOfBirth", List.of("profile.error.date-of-birth"));
		}
		if (d.sex() == null) {
			problems.put("sex", List.of("profile.error.required"));
		}
		require(problems, "addressLine", d.addressLine(), 200);
		require(problems, "city", d.city(), 100);
		if (d.country() == null || !COUNTRIES.contains(d.country())) {
			problems.put("country", List.of("profile.error.country"));
		}
		if (d.phone() == null || !PHONE.matcher(d.phone().strip()).matches()) {
			problems.put("phone", List.of("profile.error.phone"));
		}
		if (d.preferredLanguage() == null || !tenant.supports(Locale.forLanguageTag(d.preferredLanguage()))) {
			problems.put("preferredLanguage", List.of("profile.error.language"));
		}
		if (tenant.workflow().eligibility() == Workflow.Eligibility.CENSUS && problems.isEmpty()) {
			if (d.employeeId() == null || d.employeeId().isBlank()) {
				problems.put("employeeId", List.of("profile.error.employee-id"));
			}
			else if (!this.census.covers(d.employeeId(), d.legalName(), d.dateOfBirth())) {
				problems.put("employeeId", List.of("profile.error.not-eligible"));
				this.audit.record(AuditEntry.of("ELIGIBILITY_REFUSED").details("census"));
			}
		}
		return problems;
	}

	void save(String userId, Demographics demographics) {
		PatientProfile profile = this.profiles.findById(userId).orElseGet(() -> new PatientProfile(userId));
		profile.update(demographics, this.clock.instant());
		this.profiles.save(profile);
		this.audit.record(AuditEntry.of("PATIENT_PROFILE_SAVED").subject("user", userId));
	}

	private static void require(Map<String, List<String>> problems, String field, String value, int max) {
		if (value == null || value.isBlank()) {
			problems.put(field, new ArrayList<>(List.of("profile.error.required")));
		}
		else if (value.length() > max) {
			problems.put(field, List.of("profile.error.too-long"));
		}
	}

	static String tenantOf() {
		return TenantContext.current().value();
	}

}
