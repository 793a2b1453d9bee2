package org.consilium.specialists.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.consilium.specialists.Ranking;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.consilium.specialists.SpecialistCard;
import org.consilium.specialists.SpecialistDirectory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The directory read straight from its platform tables: the pools and the specialty
 * narrow the rows in SQL; the words of the query are matched here, accent- and
 * case-insensitively, on name, credentials and institution.
 */
@Service
class JdbcSpecialistDirectory implements SpecialistDirectory {

	static final int MAX_RESULTS = 50;

	private static final String SELECT = """
			select s.specialist_id, s.display_name, s.credentials, s.institution, s.specialties, s.languages
			from specialist s
			where s.active
			  and exists (select 1 from specialist_pool_member m
			              where m.specialist_id = s.specialist_id and m.pool_id = any (?))
			""";

	private final JdbcTemplate jdbc;

	JdbcSpecialistDirectory(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<SpecialistCard> search(String query, String specialty, Collection<String> pools, int limit) {
		if (limit < 1 || limit > MAX_RESULTS) {
			throw new IllegalArgumentException("limit must be between 1 and " + MAX_RESULTS);
		}
		if (pools.isEmpty() || specialty == null || specialty.isBlank()) {
			return List.of();
		}
		List<String> words = words(query);
		return this.jdbc
			.query(SELECT + " and ? = any (s.specialties) order by s.display_name, s.specialist_id", this::card,
					pools.toArray(String[]::new), specialty)
			.stream()
			.filter((card) -> matches(card, words))
			.sorted(Comparator.comparingInt((SpecialistCard card) -> rank(card, words)))
			.limit(limit)
			.toList();
	}

	@Override
	public Optional<SpecialistCard> find(String id, Collection<String> pools) {
		if (id == null || pools.isEmpty()) {
			return Optional.empty();
		}
		return this.jdbc.query(SELECT + " and s.specialist_id = ?", this::card, pools.toArray(String[]::new), id)
			.stream()
			.findFirst();
	}

	@Override
	public List<Ranking.Candidate> candidates(String specialty, Map<String, Integer> load) {
		Map<String, List<LocalDate[]>> absences = new HashMap<>();
		this.jdbc.query(
				"select specialist_id, starts_on, ends_on from specialist_absence where ends_on >= current_date",
				(ResultSet row) -> {
					absences.computeIfAbsent(row.getString(1), (k) -> new ArrayList<>())
						.add(new LocalDate[] { row.getObject(2, LocalDate.class), row.getObject(3, LocalDate.class) });
				});
		return this.jdbc.query("""
				select s.*, array(select m.pool_id from specialist_pool_member m
				                  where m.specialist_id = s.specialist_id) as pools
				from specialist s
				where s.active and s.account_id is not null and ? = any (s.specialties)
				""", (row, index) -> {
			String id = row.getString("specialist_id");
			return new Ranking.Candidate(id, row.getString("display_name"), true,
					Set.copyOf(strings(row.getArray("specialties"))),
					Set.copyOf(strings(row.getArray("sub_specialties"))),
					Set.copyOf(strings(row.getArray("languages"))), Set.copyOf(strings(row.getArray("jurisdictions"))),
					Set.copyOf(strings(row.getArray("pools"))), load.getOrDefault(id, 0),
					row.getInt("max_active_cases"), absences.getOrDefault(id, List.of()));
		}, specialty);
	}

	@Override
	public Optional<SignIn> signIn(String specialistId) {
		return this.jdbc.query(
				"select specialist_id, account_id, display_name, specialties from specialist where specialist_id = ? and account_id is not null",
				(row, index) -> new SignIn(row.getString(1), row.getString(2), row.getString(3),
						strings(row.getArray(4))),
				specialistId)
			.stream()
			.findFirst();
	}

	@Override
	public Optional<String> specialistOf(String accountId) {
		return this.jdbc
			.queryForList("select specialist_id from specialist where account_id = ?", String.class, accountId)
			.stream()
			.findFirst();
	}

	@Override
	public void linkAccount(String specialistId, String accountId) {
		this.jdbc.update("update specialist set account_id = null where account_id = ? and specialist_id <> ?",
				accountId, specialistId);
		if (this.jdbc.update("update specialist set account_id = ? where specialist_id = ?", accountId,
				specialistId) != 1) {
			throw new IllegalArgumentException("No specialist " + specialistId);
		}
	}

	private SpecialistCard card(ResultSet row, int index) throws SQLException {
		return new SpecialistCard(row.getString("specialist_id"), row.getString("display_name"),
				row.getString("credentials"), row.getString("institution"), strings(row.getArray("specialties")),
				strings(row.getArray("languages")));
	}

	private static List<String> strings(Array array) throws SQLException {
		return Arrays.asList((String[]) array.getArray());
	}

	private static boolean matches(SpecialistCard card, List<String> words) {
		String text = fold(card.displayName() + " " + card.credentials() + " " + card.institution());
		return words.stream().allMatch(text::contains);
	}

	/** Names that match a word from their start come first. */
	private static int rank(SpecialistCard card, List<String> words) {
		List<String> nameParts = List.of(fold(card.displayName()).split("[\\s.,-]+"));
		return (int) words.stream()
			.filter((word) -> nameParts.stream().noneMatch((part) -> part.startsWith(word)))
			.count();
	}

	static List<String> words(String query) {
		if (query == null || query.isBlank()) {
			return List.of();
		}
		return Arrays.stream(fold(query).split("[\\s.,]+")).filter((word) -> !word.isEmpty()).toList();
	}

	static String fold(String text) {
		return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
	}

}
