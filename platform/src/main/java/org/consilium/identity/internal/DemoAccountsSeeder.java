package org.consilium.identity.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.consilium.identity.ConsiliumUser;
import org.consilium.identity.DemoAccounts;
import org.consilium.identity.MfaPolicy;
import org.consilium.system.SecretBox;
import org.consilium.tenant.Tenant;
import org.consilium.tenant.TenantId;
import org.consilium.tenant.TenantVersions;
import org.consilium.tenant.Tenants;
import org.consilium.tenantconfig.Role;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Development only: demo accounts for every role, on every demo site, with one password.
 * Staff accounts (which require a second factor) are enrolled with one published
 * development TOTP secret, so a demo can sign in with any authenticator app or
 * {@code oathtool}. Absent outside the {@code dev} profile.
 */
@Component
@Profile("dev")
@Order(0)
class DemoAccountsSeeder implements ApplicationRunner, DemoAccounts {

	private static final List<Demo> TENANT_USERS = List.of(new Demo("patient", Role.PATIENT),
			new Demo("doctor", Role.REFERRING_PHYSICIAN), new Demo("coordinator", Role.CASE_COORDINATOR),
			new Demo("admin", Role.TENANT_ADMIN));

	private static final List<Demo> OPERATOR_USERS = List.of(new Demo("triage", Role.TRIAGE),
			new Demo("specialist", Role.SPECIALIST), new Demo("approver", Role.APPROVER),
			new Demo("admin", Role.PLATFORM_ADMIN), new Demo("reader", Role.SPECIALIST),
			new Demo("radiologist", Role.SPECIALIST), new Demo("pathologist", Role.SPECIALIST));

	private final Tenants tenants;

	private final TenantVersions versions;

	private final AccountRepository accounts;

	private final Partitions partitions;

	private final PasswordEncoder encoder;

	private final SecretBox secrets;

	private final Clock clock;

	private final String password;

	private final String totpSecret;

	private final ApiClients clients;

	private final PatientProfileService profiles;

	private final Census census;

	private final String clientSecret;

	DemoAccountsSeeder(Tenants tenants, AccountRepository accounts, Partitions partitions, PasswordEncoder encoder,
			SecretBox secrets, Clock clock, @Value("${consilium.demo.password}") String password,
			@Value("${consilium.demo.totp-secret}") String totpSecret, ApiClients clients,
			@Value("${consilium.demo.client-secret}") String clientSecret, PatientProfileService profiles,
			Census census, TenantVersions versions) {
		this.versions = versions;
		this.profiles = profiles;
		this.census = census;
		this.clients = clients;
		this.clientSecret = clientSecret;
		this.tenants = tenants;
		this.accounts = accounts;
		this.partitions = partitions;
		this.encoder = encoder;
		this.secrets = secrets;
		this.clock = clock;
		this.password = password;
		this.totpSecret = totpSecret;
	}

	@Override
	public void run(ApplicationArguments args) {
		String hash = this.encoder.encode(this.password);
		for (Tenant tenant : programmes()) {
			seed(tenant.id(), TENANT_USERS, hash);
			seedPatientProfile(tenant);
			// A partner system per programme, for the REST API (client credentials).
			String clientId = tenant.id().value() + "-partner";
			org.consilium.tenant.TenantContext.runAs(tenant.id(), () -> {
				if (!this.clients.exists(clientId)) {
					this.clients.register(clientId, this.clientSecret,
							tenant.config().displayName() + " partner system", List.of("cases.read"));
				}
			});
		}
		seed(TenantId.PLATFORM, OPERATOR_USERS, hash);
	}

	private void seed(TenantId partition, List<Demo> demos, String hash) {
		this.partitions.in(partition, () -> {
			for (Demo demo : demos) {
				String email = email(partition, demo);
				if (this.accounts.existsByEmail(email)) {
					continue;
				}
				Account account = Account.verified(email, name(partition, demo), hash, Set.of(demo.role()),
						this.clock.instant());
				if (MfaPolicy.requiresMfa(EnumSet.of(demo.role()))) {
					account.enableMfa(this.secrets.seal(this.totpSecret), 0, this.clock.instant());
				}
				this.accounts.save(account);
			}
			return null;
		});
	}

	/** Demo patients have their demographics; globex's census lists a few employees. */
	private void seedPatientProfile(Tenant tenant) {
		this.partitions.in(tenant.id(), () -> {
			if ("globex".equals(tenant.id().value())) {
				this.census.add("G-1001", "Hernández", java.time.LocalDate.of(1985, 3, 14));
				this.census.add("G-1002", "Ramírez", java.time.LocalDate.of(1990, 7, 1));
				this.census.add("G-1003", "Smith", java.time.LocalDate.of(1978, 11, 23));
			}
			this.accounts.findByEmail(email(tenant.id(), TENANT_USERS.get(0))).ifPresent((patient) -> {
				if (this.profiles.find(patient.id().toString()).isEmpty()) {
					boolean globex = "globex".equals(tenant.id().value());
					this.profiles.save(patient.id().toString(),
							new org.consilium.identity.Demographics(patient.displayName(),
									globex ? java.time.LocalDate.of(1985, 3, 14) : java.time.LocalDate.of(1980, 5, 2),
									org.consilium.identity.Demographics.Sex.UNDISCLOSED, "1 Demo Street",
									globex ? "Ciudad de México" : "Boston", globex ? "CDMX" : "MA",
									globex ? "06600" : "02115", globex ? "MX" : "US",
									globex ? "+52 55 5555 0100" : "+1 617 555 0111", globex ? "es" : "en",
									globex ? "G-1001" : null));
				}
			});
			return null;
		});
	}

	@Override
	public List<Tenant> programmes() {
		return this.tenants.all().stream().filter((tenant) -> this.versions.createdFromFiles(tenant.id())).toList();
	}

	@Override
	public List<ConsiliumUser> usersOf(TenantId tenant) {
		TenantId partition = (tenant != null) ? tenant : TenantId.PLATFORM;
		List<Demo> demos = partition.isPlatform() ? OPERATOR_USERS : TENANT_USERS;
		return this.partitions.in(partition, () -> {
			List<ConsiliumUser> users = new ArrayList<>();
			for (Demo demo : demos) {
				this.accounts.findByEmail(email(partition, demo))
					.ifPresent((account) -> users.add(AccountUserDetailsService.principal(partition, account)));
			}
			return users;
		});
	}

	@Override
	public String password() {
		return this.password;
	}

	@Override
	public String totpSecret() {
		return this.totpSecret;
	}

	private static String email(TenantId partition, Demo demo) {
		return demo.kind() + "@" + (partition.isPlatform() ? "ops" : partition.value()) + ".example";
	}

	private static String name(TenantId partition, Demo demo) {
		if (partition.isPlatform()) {
			return switch (demo.kind()) {
				case "triage" -> "Tom Reyes";
				case "specialist" -> "Dr. Sarah Cohen";
				case "reader" -> "Dr. Hiroshi Tanaka";
				case "radiologist" -> "Dr. David Aronson";
				case "pathologist" -> "Dr. Mei Lin";
				case "approver" -> "Dr. Omar Haddad";
				default -> "Priya Natarajan";
			};
		}
		String patient = switch (partition.value()) {
			case "acme" -> "Alex Rivera";
			case "globex" -> "Lucía Hernández";
			default -> "Pat Morgan";
		};
		return switch (demo.kind()) {
			case "patient" -> patient;
			case "doctor" -> "Dr. Jordan Lee";
			case "coordinator" -> "Casey Brooks";
			default -> "Robin Chen";
		};
	}

	private record Demo(String kind, Role role) {
	}

}
