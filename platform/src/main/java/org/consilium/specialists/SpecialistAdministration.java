package org.consilium.specialists;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;

/**
 * Platform admins keep the specialist directory and its pools. Every change is audited in
 * the operator's partition. Methods that take input return problems per field (message
 * keys); an empty map means the change was saved.
 */
public interface SpecialistAdministration {

	@PreAuthorize("hasRole('PLATFORM_ADMIN')")
	List<SpecialistProfile> all();

	@PreAuthorize("hasRole('PLATFORM_ADMIN')")
	Optional<SpecialistProfile> get(String id);

	/** Creates the specialist (new id) or updates it, with its pool memberships. */
	@PreAuthorize("hasRole('PLATFORM_ADMIN')")
	Map<String, List<String>> save(SpecialistProfile profile);

	@PreAuthorize("hasRole('PLATFORM_ADMIN')")
	Map<String, List<String>> addAbsence(String specialistId, LocalDate startsOn, LocalDate endsOn, String note);

	@PreAuthorize("hasRole('PLATFORM_ADMIN')")
	void removeAbsence(String specialistId, UUID absenceId);

	@PreAuthorize("hasRole('PLATFORM_ADMIN')")
	List<Pool> pools();

	/** Creates or renames a pool. */
	@PreAuthorize("hasRole('PLATFORM_ADMIN')")
	Map<String, List<String>> savePool(String id, String displayName);

	/**
	 * The operator's sign-in accounts with the specialist role, each with the directory
	 * entry it is linked to, if any.
	 */
	@PreAuthorize("hasRole('PLATFORM_ADMIN')")
	List<SignInAccount> signInAccounts();

	/**
	 * Links the specialist to the account they sign in as (null unlinks): only a linked
	 * specialist can be assigned cases. An account links to one specialist; linking it
	 * elsewhere moves it.
	 * @throws IllegalArgumentException if the specialist or the account is unknown
	 */
	@PreAuthorize("hasRole('PLATFORM_ADMIN')")
	void linkAccount(String specialistId, String accountId);

	/** An operator account a specialist can sign in as. */
	record SignInAccount(String accountId, String email, String displayName, String linkedSpecialist) {
	}

	/**
	 * A specialist as the directory keeps it.
	 *
	 * @param id lower-case letters, digits and dashes; stable once created
	 * @param jurisdictions where licensed: ISO 3166-1 country codes or ISO 3166-2
	 * subdivisions (e.g. {@code US-MA})
	 * @param active retired specialists stay (cases may name them) but are offered to no
	 * one
	 */
	record SpecialistProfile(String id, String displayName, String credentials, String institution,
			List<String> specialties, List<String> subSpecialties, List<String> languages, List<String> jurisdictions,
			int maxActiveCases, boolean active, Set<String> pools, List<Absence> absences) {

		public SpecialistProfile {
			specialties = List.copyOf(specialties);
			subSpecialties = List.copyOf(subSpecialties);
			languages = List.copyOf(languages);
			jurisdictions = List.copyOf(jurisdictions);
			pools = Set.copyOf(pools);
			absences = List.copyOf(absences);
		}

		/** Away on that day. */
		public boolean awayOn(LocalDate day) {
			return this.absences.stream().anyMatch((a) -> !day.isBefore(a.startsOn()) && !day.isAfter(a.endsOn()));
		}

	}

	/** An out-of-office period, both days included. */
	record Absence(UUID id, LocalDate startsOn, LocalDate endsOn, String note) {
	}

	/** A pool of specialists that programmes name in their configuration. */
	record Pool(String id, String displayName, int members) {
	}

}
