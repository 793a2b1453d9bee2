package org.consilium.specialists.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import org.consilium.audit.AuditLog;
import org.consilium.audit.AuditRecord;
import org.consilium.identity.ConsiliumUser;
import org.consilium.specialists.SpecialistAdministration;
import org.consilium.specialists.SpecialistAdministration.SpecialistProfile;
import org.consilium.specialists.SpecialistCard;
import org.consilium.specialists.SpecialistDirectory;
import org.consilium.support.IntegrationTest;
import org.consilium.support.Users;
import org.consilium.tenant.TenantContext;
import org.consilium.tenant.TenantId;
import org.consilium.tenantconfig.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Platform admins keep the directory: a new specialist with sub-specialties, licences,
 * load limit and pools is found by the programmes using those pools; bad input is refused
 * field by field with nothing saved; time away is kept; every change is audited; nobody
 * else may change anything.
 */
@IntegrationTest
class SpecialistAdministrationIT {

	static final ConsiliumUser ADMIN = Users.operator("directory-admin", Role.PLATFORM_ADMIN);

	@Autowired
	SpecialistAdministration administration;

	@Autowired
	SpecialistDirectory directory;

	@Autowired
	AuditLog audit;

	@Test
	void a_new_specialist_is_offered_through_their_pools_and_audited() {
		String id = "sp-test-" + UUID.randomUUID().toString().substring(0, 8);
		assertThat(asAdmin(() -> this.administration.savePool("test-panel", "Test panel"))).isEmpty();
		Map<String, List<String>> problems = asAdmin(() -> this.administration.save(profile(id, "Zoe Quinlan",
				List.of("dermatology"), List.of("en", "fr"), List.of("US-MA", "CA"), Set.of("test-panel"))));
		assertThat(problems).isEmpty();

		SpecialistProfile saved = asAdmin(() -> this.administration.get(id)).orElseThrow();
		assertThat(saved.subSpecialties()).containsExactly("pediatric dermatology");
		assertThat(saved.jurisdictions()).containsExactly("US-MA", "CA");
		assertThat(saved.maxActiveCases()).isEqualTo(6);
		assertThat(this.directory.search("quinlan", "dermatology", List.of("test-panel"), 5))
			.extracting(SpecialistCard::id)
			.containsExactly(id);
		assertThat(this.directory.search("quinlan", "dermatology", List.of("general"), 5)).isEmpty();
		assertThat(asAdmin(() -> this.administration.pools())).anySatisfy((pool) -> {
			assertThat(pool.id()).isEqualTo("test-panel");
			assertThat(pool.members()).isGreaterThanOrEqualTo(1);
		});

		// Retired: kept, offered to no one.
		asAdmin(() -> this.administration
			.save(new SpecialistProfile(id, "Zoe Quinlan", "MD", "Test Clinic", List.of("dermatology"), List.of(),
					List.of("en"), List.of("US"), 6, false, Set.of("test-panel"), List.of())));
		assertThat(this.directory.find(id, List.of("test-panel"))).isEmpty();
		assertThat(asAdmin(() -> this.administration.get(id))).isPresent();

		assertThat(TenantContext.callAs(TenantId.PLATFORM, () -> this.audit.recent(20)))
			.extracting(AuditRecord::action, AuditRecord::subjectId)
			.contains(org.assertj.core.groups.Tuple.tuple("SPECIALIST_CREATED", id),
					org.assertj.core.groups.Tuple.tuple("SPECIALIST_UPDATED", id),
					org.assertj.core.groups.Tuple.tuple("SPECIALIST_POOL_SAVED", "test-panel"));
	}

	@Test
	void bad_input_is_refused_field_by_field_and_nothing_is_saved() {
		String id = "sp-bad-" + UUID.randomUUID().toString().substring(0, 8);
		Map<String, List<String>> problems = asAdmin(() -> this.administration
			.save(new SpecialistProfile(id, " ", "MD", "", List.of("astrology"), List.of(" "), List.of("english"),
					List.of("XX-1", "us"), 0, true, Set.of("no-such-pool"), List.of())));
		assertThat(problems).containsOnlyKeys("displayName", "specialties", "subSpecialties", "languages",
				"jurisdictions", "maxActiveCases", "pools");
		assertThat(problems.get("specialties")).containsExactly("specialists.error.specialty-unknown");
		assertThat(asAdmin(() -> this.administration
			.save(profile("Bad Id!", "Name", List.of("urology"), List.of("en"), List.of("US"), Set.of()))))
			.containsOnlyKeys("id");
		assertThat(asAdmin(() -> this.administration.get(id))).isEmpty();
	}

	@Test
	void time_away_is_kept_checked_and_removed() {
		String id = "sp-away-" + UUID.randomUUID().toString().substring(0, 8);
		asAdmin(() -> this.administration
			.save(profile(id, "Away Tester", List.of("urology"), List.of("en"), List.of("US"), Set.of("general"))));
		LocalDate today = LocalDate.now();
		assertThat(asAdmin(() -> this.administration.addAbsence(id, today.plusDays(3), today.plusDays(1), null)))
			.containsEntry("endsOn", List.of("specialists.error.absence-order"));
		assertThat(asAdmin(() -> this.administration.addAbsence(id, null, null, null))).containsOnlyKeys("startsOn",
				"endsOn");
		assertThat(asAdmin(() -> this.administration.addAbsence(id, today, today.plusDays(7), "Conference"))).isEmpty();
		SpecialistProfile away = asAdmin(() -> this.administration.get(id)).orElseThrow();
		assertThat(away.absences()).singleElement().satisfies((absence) -> {
			assertThat(absence.note()).isEqualTo("Conference");
			assertThat(absence.endsOn()).isEqualTo(today.plusDays(7));
		});
		assertThat(away.awayOn(today.plusDays(7))).isTrue();
		assertThat(away.awayOn(today.plusDays(8))).isFalse();
		asAdmin(() -> {
			this.administration.removeAbsence(id, away.absences().get(0).id());
			return null;
		});
		assertThat(asAdmin(() -> this.administration.get(id)).orElseThrow().absences()).isEmpty();
	}

	@Test
	void only_platform_admins_change_the_directory() {
		for (ConsiliumUser other : List.of(Users.operator("directory-triage", Role.TRIAGE),
				Users.operator("directory-specialist", Role.SPECIALIST),
				Users.user("public", "directory-tenant-admin", Role.TENANT_ADMIN))) {
			assertThatThrownBy(() -> Users.as(other, () -> this.administration.all()))
				.isInstanceOf(AccessDeniedException.class);
			assertThatThrownBy(() -> Users.as(other, () -> this.administration.savePool("x-pool", "X")))
				.isInstanceOf(AccessDeniedException.class);
		}
		assertThat(asAdmin(() -> this.administration.pools())).noneMatch((pool) -> pool.id().equals("x-pool"));
	}

	@Test
	void the_demo_directory_has_licences_sub_specialties_and_load_limits() {
		List<SpecialistProfile> all = asAdmin(() -> this.administration.all());
		assertThat(all).hasSizeGreaterThanOrEqualTo(30);
		Set<String> demo = new java.util.HashSet<>(
				DemoSpecialists.SPECIALISTS.stream().map(DemoSpecialists.Demo::id).toList());
		assertThat(all).filteredOn((p) -> demo.contains(p.id()))
			.hasSize(30)
			.allSatisfy((p) -> assertThat(p.jurisdictions()).contains("US"));
		assertThat(all).filteredOn((p) -> p.id().equals("sp-lucia-mendez")).singleElement().satisfies((p) -> {
			assertThat(p.jurisdictions()).containsExactly("US", "ES", "MX");
			assertThat(p.subSpecialties()).contains("breast oncology");
			assertThat(p.maxActiveCases()).isBetween(8, 12);
		});
	}

	private static SpecialistProfile profile(String id, String name, List<String> specialties, List<String> languages,
			List<String> jurisdictions, Set<String> pools) {
		return new SpecialistProfile(id, name, "MD", "Test Clinic", specialties, List.of("pediatric dermatology"),
				languages, jurisdictions, 6, true, pools, List.of());
	}

	private static <T> T asAdmin(Supplier<T> work) {
		return Users.as(ADMIN, work);
	}

}
