package org.consilium.specialists.internal;

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
