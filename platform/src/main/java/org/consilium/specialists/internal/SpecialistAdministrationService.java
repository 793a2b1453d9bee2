package org.consilium.specialists.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.consilium.audit.AuditEntry;
import org.consilium.audit.AuditLog;
import org.consilium.specialists.SpecialistAdministration;
import org.consilium.tenant.TenantContext;
import org.consilium.tenant.TenantId;
import org.consilium.tenantconfig.Specialties;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The directory's administration on its platform tables. Each change runs in one
 * transaction in the operator's partition, with its audit entry.
 */
@Service
class SpecialistAdministrationService implements SpecialistAdministration {

	static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}");

	static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}");

	/** A country (US) or a subdivision (US-MA, ES-M). */
	static final Pattern JURISDICTION = Pattern.compile("[A-Z]{2}(-[A-Z0-9]{1,3})?");

	static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

	static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final AuditLog audit;

	private final Clock clock;

	private final org.consilium.identity.Contacts contacts;

	SpecialistAdministrationService(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, AuditLog audit,
			Clock clock, org.consilium.identity.Contacts contacts) {
		this.contacts = contacts;
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
		this.audit = audit;
		this.clock = clock;
	}

	@Override
	public List<SignInAccount> signInAccounts() {
		return inPlatform(() -> {
			Map<String, String> linked = new java.util.HashMap<>();
			this.jdbc.query("select account_id, specialist_id from specialist where account_id is not null",
					(java.sql.ResultSet row) -> {
						linked.put(row.getString(1), row.getString(2));
					});
			return this.contacts.withRole(org.consilium.tenantconfig.Role.SPECIALIST)
				.stream()
				.map((contact) -> new SignInAccount(contact.userId(), contact.email(), contact.displayName(),
						linked.get(contact.userId())))
				.toList();
		});
	}

	@Override
	public void linkAccount(String specialistId, String accountId) {
		inPlatform(() -> {
			if (accountId != null && signInAccounts().stream().noneMatch((a) -> a.accountId().equals(accountId))) {
				throw new IllegalArgumentException("No specialist account " + accountId);
			}
			if (accountId != null) {
				this.jdbc.update("update specialist set account_id = null where account_id = ? and specialist_id <> ?",
						accountId, specialistId);
			}
			if (this.jdbc.update("update specialist set account_id = ? where specialist_id = ?", accountId,
					specialistId) != 1) {
				throw new IllegalArgumentException("No specialist " + specialistId);
			}
			this.audit.record(AuditEntry.of("SPECIALIST_SIGN_IN_LINKED")
				.subject("specialist", specialistId)
				.details((accountId != null) ? accountId : "unlinked"));
			return null;
		});
	}

	@Override
	public List<SpecialistProfile> all() {
		return inPlatform(() -> {
			Map<String, Set<String>> pools = memberships();
			Map<String, List<Absence>> absences = absences();
			return this.jdbc.query("select * from specialist order by display_name, specialist_id",
					(row, index) -> profile(row, pools, absences));
		});
	}

	@Override
	public Optional<SpecialistProfile> get(String id) {
		return all().stream().filter((profile) -> profile.id().equals(id)).findFirst();
	}

	@Override
	public Map<String, List<String>> save(SpecialistProfile profile) {
		return inPlatform(() -> {
			Map<String, List<String>> problems = check(profile);
			if (!problems.isEmpty()) {
				return problems;
			}
			boolean exists = exists(profile.id());
			if (exists) {
				this.jdbc.update("""
						update specialist set display_name = ?, credentials = ?, institution = ?, specialties = ?,
						  sub_specialties = ?, languages = ?, jurisdictions = ?, max_active_cases = ?, active = ?,
						  updated_at = now()
						where specialist_id = ?
						""", profile.displayName().strip(), text(profile.credentials()), text(profile.institution()),
						array(profile.specialties()), array(profile.subSpecialties()), array(profile.languages()),
						array(profile.jurisdictions()), profile.maxActiveCases(), profile.active(), profile.id());
				this.jdbc.update("delete from specialist_pool_member where specialist_id = ?", profile.id());
			}
			else {
				this.jdbc.update("""
						insert into specialist (specialist_id, display_name, credentials, institution, specialties,
						  sub_specialties, languages, jurisdictions, max_active_cases, active)
						values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
						""", profile.id(), profile.displayName().strip(), text(profile.credentials()),
						text(profile.institution()), array(profile.specialties()), array(profile.subSpecialties()),
						array(profile.languages()), array(profile.jurisdictions()), profile.maxActiveCases(),
						profile.active());
			}
			for (String pool : profile.pools()) {
				this.jdbc.update("insert into specialist_pool_member (pool_id, specialist_id) values (?, ?)", pool,
						profile.id());
			}
			this.audit.record(AuditEntry.of(exists ? "SPECIALIST_UPDATED" : "SPECIALIST_CREATED")
				.subject("specialist", profile.id())
				.details("pools=" + String.join(",", new java.util.TreeSet<>(profile.pools())) + " active="
						+ profile.active()));
			return problems;
		});
	}

	@Override
	public Map<String, List<String>> addAbsence(String specialistId, LocalDate startsOn, LocalDate endsOn,
			String note) {
		return inPlatform(() -> {
			Map<String, List<String>> problems = new LinkedHashMap<>();
			if (!exists(specialistId)) {
				problems.put("specialist", List.of("specialists.error.unknown"));
				return problems;
			}
			if (startsOn == null) {
				problems.put("startsOn", List.of("specialists.error.required"));
			}
			if (endsOn == null) {
				problems.put("endsOn", List.of("specialists.error.required"));
			}
			else if (startsOn != null && endsOn.isBefore(startsOn)) {
				problems.put("endsOn", List.of("specialists.error.absence-order"));
			}
			else if (endsOn.isBefore(LocalDate.now(this.clock))) {
				problems.put("endsOn", List.of("specialists.error.absence-past"));
			}
			String cleanNote = text(note);
			if (cleanNote.length() > 200) {
				problems.put("note", List.of("specialists.error.too-long"));
			}
			if (!problems.isEmpty()) {
				return problems;
			}
			UUID id = UUID.randomUUID();
			this.jdbc.update(
					"insert into specialist_absence (id, specialist_id, starts_on, ends_on, note) values (?, ?, ?, ?, ?)",
					id, specialistId, startsOn, endsOn, cleanNote.isEmpty() ? null : cleanNote);
			this.audit.record(AuditEntry.of("SPECIALIST_ABSENCE_ADDED")
				.subject("specialist", specialistId)
				.details(startsOn + ".." + endsOn));
			return problems;
		});
	}

	@Override
	public void removeAbsence(String specialistId, UUID absenceId) {
		inPlatform(() -> {
			int removed = this.jdbc.update("delete from specialist_absence where id = ? and specialist_id = ?",
					absenceId, specialistId);
			if (removed == 1) {
				this.audit.record(AuditEntry.of("SPECIALIST_ABSENCE_REMOVED")
					.subject("specialist", specialistId)
					.details(absenceId.toString()));
			}
			return null;
		});
	}

	@Override
	public List<Pool> pools() {
		return inPlatform(() -> this.jdbc.query("""
				select p.pool_id, p.display_name, count(m.specialist_id) as members
				from specialist_pool p left join specialist_pool_member m on m.pool_id = p.pool_id
				group by p.pool_id, p.display_name order by p.pool_id
				""", (row, index) -> new Pool(row.getString("pool_id"), row.getString("display_name"),
				row.getInt("members"))));
	}

	@Override
	public Map<String, List<String>> savePool(String id, String displayName) {
		return inPlatform(() -> {
			Map<String, List<String>> problems = new LinkedHashMap<>();
			if (id == null || !ID.matcher(id).matches()) {
				problems.put("poolId", List.of("specialists.error.id"));
			}
			String name = text(displayName);
			if (name.isEmpty()) {
				problems.put("poolName", List.of("specialists.error.required"));
			}
			else if (name.length() > 200) {
				problems.put("poolName", List.of("specialists.error.too-long"));
			}
			if (!problems.isEmpty()) {
				return problems;
			}
			this.jdbc.update("""
					insert into specialist_pool (pool_id, display_name) values (?, ?)
					on conflict (pool_id) do update set display_name = excluded.display_name
					""", id, name);
			this.audit.record(AuditEntry.of("SPECIALIST_POOL_SAVED").subject("pool", id).details(name));
			return problems;
		});
	}

	Map<String, List<String>> check(SpecialistProfile p) {
		Map<String, List<String>> problems = new LinkedHashMap<>();
		if (p.id() == null || !ID.matcher(p.id()).matches()) {
			problems.put("id", List.of("specialists.error.id"));
		}
		String name = text(p.displayName());
		if (name.isEmpty()) {
			problems.put("displayName", List.of("specialists.error.required"));
		}
		else if (name.length() > 200) {
			problems.put("displayName", List.of("specialists.error.too-long"));
		}
		if (text(p.credentials()).length() > 120) {
			problems.put("credentials", List.of("specialists.error.too-long"));
		}
		if (text(p.institution()).length() > 200) {
			problems.put("institution", List.of("specialists.error.too-long"));
		}
		if (p.specialties().isEmpty()) {
			problems.put("specialties", List.of("specialists.error.specialties"));
		}
		else if (!p.specialties().stream().allMatch(Specialties::isKnown)) {
			problems.put("specialties", List.of("specialists.error.specialty-unknown"));
		}
		if (p.subSpecialties().stream().anyMatch((s) -> s.isBlank() || s.strip().length() > 80)) {
			problems.put("subSpecialties", List.of("specialists.error.sub-specialty"));
		}
		if (p.languages().isEmpty()
				|| !p.languages().stream().allMatch((l) -> LANGUAGE.matcher(l).matches() && LANGUAGES.contains(l))) {
			problems.put("languages", List.of("specialists.error.languages"));
		}
		if (p.jurisdictions().isEmpty() || !p.jurisdictions()
			.stream()
			.allMatch((j) -> JURISDICTION.matcher(j).matches() && COUNTRIES.contains(j.substring(0, 2)))) {
			problems.put("jurisdictions", List.of("specialists.error.jurisdictions"));
		}
		if (p.maxActiveCases() < 1 || p.maxActiveCases() > 100) {
			problems.put("maxActiveCases", List.of("specialists.error.max-active"));
		}
		Set<String> known = new HashSet<>(this.jdbc.queryForList("select pool_id from specialist_pool", String.class));
		if (!known.containsAll(p.pools())) {
			problems.put("pools", List.of("specialists.error.pool-unknown"));
		}
		return problems;
	}

	private boolean exists(String id) {
		return id != null && this.jdbc.queryForObject("select count(*) from specialist where specialist_id = ?",
				Integer.class, id) > 0;
	}

	private Map<String, Set<String>> memberships() {
		Map<String, Set<String>> pools = new LinkedHashMap<>();
		this.jdbc.query("select pool_id, specialist_id from specialist_pool_member", (ResultSet row) -> {
			pools.computeIfAbsent(row.getString("specialist_id"), (k) -> new HashSet<>()).add(row.getString("pool_id"));
		});
		return pools;
	}

	private Map<String, List<Absence>> absences() {
		Map<String, List<Absence>> absences = new LinkedHashMap<>();
		this.jdbc.query("select * from specialist_absence order by starts_on", (ResultSet row) -> {
			absences.computeIfAbsent(row.getString("specialist_id"), (k) -> new ArrayList<>())
				.add(new Absence(row.getObject("id", UUID.class), row.getObject("starts_on", LocalDate.class),
						row.getObject("ends_on", LocalDate.class), row.getString("note")));
		});
		return absences;
	}

	private static SpecialistProfile profile(ResultSet row, Map<String, Set<String>> pools,
			Map<String, List<Absence>> absences) throws SQLException {
		String id = row.getString("specialist_id");
		return new SpecialistProfile(id, row.getString("display_name"), row.getString("credentials"),
				row.getString("institution"), strings(row.getArray("specialties")),
				strings(row.getArray("sub_specialties")), strings(row.getArray("languages")),
				strings(row.getArray("jurisdictions")), row.getInt("max_active_cases"), row.getBoolean("active"),
				pools.getOrDefault(id, Set.of()), absences.getOrDefault(id, List.of()));
	}

	private static List<String> strings(Array array) throws SQLException {
		return Arrays.asList((String[]) array.getArray());
	}

	private static String[] array(List<String> values) {
		return values.stream().map(String::strip).toArray(String[]::new);
	}

	private static String text(String value) {
		return (value != null) ? value.strip() : "";
	}

	private <T> T inPlatform(Supplier<T> work) {
		return TenantContext.callAs(TenantId.PLATFORM, () -> this.transactions.execute((status) -> work.get()));
	}

}
