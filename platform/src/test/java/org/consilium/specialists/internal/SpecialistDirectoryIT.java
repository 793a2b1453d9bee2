package org.consilium.specialists.internal;

import java.util.List;

import org.consilium.specialists.SpecialistCard;
import org.consilium.specialists.SpecialistDirectory;
import org.consilium.support.IntegrationTest;
import org.consilium.support.TestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The directory as the case wizard reads it: only the pools a programme names, only the
 * chosen specialty, only active specialists, words matched without regard to case or
 * accents.
 */
@IntegrationTest
class SpecialistDirectoryIT {

	@Autowired
	SpecialistDirectory directory;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void the_dev_profile_seeds_about_thirty_specialists_in_the_demo_pools() {
		assertThat(this.jdbc.queryForObject("select count(*) from specialist", Integer.class))
			.isGreaterThanOrEqualTo(30);
		assertThat(this.jdbc.queryForList("select pool_id from specialist_pool order by pool_id", String.class))
			.contains("acme-panel", "general", "spanish-speaking");
	}

	@Test
	void search_keeps_to_the_specialty_and_the_programmes_pools() {
		List<SpecialistCard> general = this.directory.search("", "cardiology", List.of("general"), 50);
		assertThat(general).extracting(SpecialistCard::displayName)
			.containsExactly("Hiroshi Tanaka", "Javier Ortega", "Sarah Cohen");
		assertThat(general).allSatisfy((card) -> assertThat(card.specialties()).contains("cardiology"));

		assertThat(this.directory.search("", "cardiology", List.of("acme-panel"), 50))
			.extracting(SpecialistCard::displayName)
			.containsExactly("Hiroshi Tanaka");
		assertThat(this.directory.search("", "cardiology", List.of(), 50)).isEmpty();
		assertThat(this.directory.search("", "cardiology", List.of("no-such-pool"), 50)).isEmpty();
	}

	@Test
	void every_word_must_match_name_credentials_or_institution_ignoring_case_and_accents() {
		assertThat(this.directory.search("lucia", "oncology", List.of("general"), 10))
			.extracting(SpecialistCard::displayName)
			.containsExactly("Lucía Méndez");
		assertThat(this.directory.search("MÉNDEZ sur", "oncology", List.of("general"), 10))
			.extracting(SpecialistCard::id)
			.containsExactly("sp-lucia-mendez");
		assertThat(this.directory.search("northbridge", "oncology", List.of("general"), 10))
			.extracting(SpecialistCard::displayName)
			.containsExactlyInAnyOrder("Amara Okafor", "Daniel Weiss", "Olivia Hart", "Mei Lin");
		assertThat(this.directory.search("lucia cardiology-nobody", "oncology", List.of("general"), 10)).isEmpty();
	}

	@Test
	void names_starting_with_the_words_come_before_other_matches() {
		this.jdbc.update("""
				insert into specialist (specialist_id, display_name, institution, specialties, languages)
				values ('test-aaron-zed', 'Aaron Zed', 'Lin Memorial Hospital', '{oncology}', '{en}')
				""");
		this.jdbc
			.update("insert into specialist_pool_member (pool_id, specialist_id) values ('general', 'test-aaron-zed')");
		try {
			// Alphabetically "Aaron Zed" comes first; by name match "Mei Lin" does.
			assertThat(this.directory.search("lin", "oncology", List.of("general"), 10))
				.extracting(SpecialistCard::displayName)
				.containsExactly("Mei Lin", "Aaron Zed");
		}
		finally {
			this.jdbc.update("delete from specialist_pool_member where specialist_id = 'test-aaron-zed'");
			TestDatabase.get().adminJdbc().update("delete from specialist where specialist_id = 'test-aaron-zed'");
		}
	}

	@Test
	void the_limit_is_applied_and_checked() {
		assertThat(this.directory.search("", "oncology", List.of("general"), 2)).hasSize(2);
		assertThatThrownBy(() -> this.directory.search("", "oncology", List.of("general"), 0))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> this.directory.search("", "oncology", List.of("general"), 51))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void find_sees_a_specialist_only_through_a_pool_that_holds_them_and_only_while_active() {
		assertThat(this.directory.find("sp-lucia-mendez", List.of("spanish-speaking"))).isPresent();
		assertThat(this.directory.find("sp-lucia-mendez", List.of("acme-panel"))).isEmpty();
		assertThat(this.directory.find("no-such-id", List.of("general"))).isEmpty();
		this.jdbc.update("update specialist set active = false where specialist_id = 'sp-henry-walsh'");
		try {
			assertThat(this.directory.find("sp-henry-walsh", List.of("general"))).isEmpty();
			assertThat(this.directory.search("walsh", "urology", List.of("general"), 10)).isEmpty();
		}
		finally {
			this.jdbc.update("update specialist set active = true where specialist_id = 'sp-henry-walsh'");
		}
		assertThat(this.directory.find("sp-henry-walsh", List.of("general"))).isPresent();
	}

}
