package org.consilium.identity.internal;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import org.consilium.identity.ConsiliumUser;
import org.consilium.identity.CurrentUser;
import org.consilium.identity.DemoAccounts;
import org.consilium.identity.MfaPendingAuthentication;
import org.consilium.support.IntegrationTest;
import org.consilium.support.KaribuSite;
import org.consilium.support.MutableClock;
import org.consilium.support.TestDatabase;
import org.consilium.tenant.TenantId;
import org.consilium.tenantconfig.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The second factor: enrolment through the real views, single-use codes and recovery
 * codes, and wrong codes counting toward lockout.
 */
@IntegrationTest
class MfaIT {

	@Autowired
	ApplicationContext context;

	@Autowired
	AccountService accounts;

	@Autowired
	MfaService mfa;

	@Autowired
	DemoAccounts demo;

	@Autowired
	MutableClock clock;

	@Autowired
	org.springframework.security.crypto.password.PasswordEncoder encoder;

	@Autowired
	AccountRepository repository;

	@Autowired
	Partitions partitions;

	@Test
	void a_new_staff_member_enrols_with_a_qr_code_then_gets_recovery_codes_and_the_roles() {
		ConsiliumUser triage = newOperator(Role.TRIAGE);
		try (KaribuSite site = KaribuSite.open(this.context, null, Locale.ENGLISH)) {
			site.authenticate(new MfaPendingAuthentication(triage, false)).navigate("cases");
			// Whatever the target, enrolment comes first.
			String secret = _get(Span.class, (spec) -> spec.withId("secret")).getText().replace(" ", "");
			_setValue(_get(TextField.class, (spec) -> spec.withId("code")), "000000");
			_click(_get(Button.class, (spec) -> spec.withId("confirm")));
			assertThat(_get(TextField.class, (spec) -> spec.withId("code")).isInvalid()).isTrue();
			_setValue(_get(TextField.class, (spec) -> spec.withId("code")),
					Totp.code(secret, Totp.step(this.clock.instant())));
			_click(_get(Button.class, (spec) -> spec.withId("confirm")));
			List<ListItem> codes = _find(ListItem.class);
			assertThat(codes).hasSize(MfaService.RECOVERY_CODES);
			_click(_get(Button.class, (spec) -> spec.withId("done")));
			assertThat(CurrentUser.find()).as("fully signed in")
				.hasValueSatisfying((user) -> assertThat(user.id()).isEqualTo(triage.id()));
			assertThat(SecurityContextHolder.getContext().getAuthentication().getAuthorities())
				.extracting(Object::toString)
				.containsExactly("ROLE_TRIAGE");
		}
	}

	@Test
	void each_code_works_once_and_so_does_each_recovery_code() {
		ConsiliumUser triage = newOperator(Role.TRIAGE);
		String secret = Totp.newSecret();
		List<String> recovery = this.mfa.confirmEnrolment(triage, secret,
				Totp.code(secret, Totp.step(this.clock.instant())));
		assertThat(recovery).hasSize(10);
		this.clock.advance(Duration.ofSeconds(30));
		String code = Totp.code(secret, Totp.step(this.clock.instant()));
		assertThat(this.mfa.verify(triage, code)).isTrue();
		assertThat(this.mfa.verify(triage, code)).as("the same code again").isFalse();
		assertThat(this.mfa.verify(triage, recovery.get(0).toLowerCase(Locale.ROOT).replace("-", " "))).isTrue();
		assertThat(this.mfa.verify(triage, recovery.get(0))).as("the same recovery code again").isFalse();
		assertThat(this.mfa.remainingRecoveryCodes(triage)).isEqualTo(9);
	}

	@Test
	void enrolment_a_right_code_a_wrong_code_and_a_recovery_code_each_leave_their_audit_entry() {
		ConsiliumUser triage = newOperator(Role.TRIAGE);
		String secret = Totp.newSecret();
		List<String> recovery = this.mfa.confirmEnrolment(triage, secret,
				Totp.code(secret, Totp.step(this.clock.instant())));
		assertThat(mfaAudit(triage)).as("after enrolment").containsExactly("MFA_ENROLLED");

		this.clock.advance(Duration.ofSeconds(30));
		long step = Totp.step(this.clock.instant());
		assertThat(this.mfa.verify(triage, Totp.code(secret, step))).isTrue();
		// A code that none of the accepted time steps produces.
		List<String> accepted = List.of(Totp.code(secret, step - 1), Totp.code(secret, step),
				Totp.code(secret, step + 1));
		String wrong = java.util.stream.IntStream.range(0, 10)
			.mapToObj((digit) -> String.valueOf(digit).repeat(6))
			.filter((code) -> !accepted.contains(code))
			.findFirst()
			.orElseThrow();
		assertThat(this.mfa.verify(triage, wrong)).isFalse();
		assertThat(this.mfa.verify(triage, recovery.get(3))).isTrue();

		assertThat(mfaAudit(triage)).containsExactly("MFA_ENROLLED", "MFA_VERIFIED", "MFA_FAILED",
				"MFA_RECOVERY_CODE_USED");
	}

	@Test
	void wrong_codes_lock_the_account() {
		ConsiliumUser triage = newOperator(Role.TRIAGE);
		String secret = Totp.newSecret();
		this.mfa.confirmEnrolment(triage, secret, Totp.code(secret, Totp.step(this.clock.instant())));
		for (int i = 0; i < 5; i++) {
			assertThat(this.mfa.verify(triage, "12345" + i)).isFalse();
		}
		this.clock.advance(Duration.ofSeconds(30));
		assertThat(this.mfa.verify(triage, Totp.code(secret, Totp.step(this.clock.instant()))))
			.as("a right code while locked")
			.isFalse();
	}

	@Test
	void demo_staff_sign_in_with_the_published_development_secret() {
		ConsiliumUser admin = this.demo.usersOf(null)
			.stream()
			.filter((user) -> user.has(Role.PLATFORM_ADMIN))
			.findFirst()
			.orElseThrow();
		this.clock.advance(Duration.ofMinutes(1));
		assertThat(this.mfa.verify(admin, Totp.code(this.demo.totpSecret(), Totp.step(this.clock.instant())))).isTrue();
	}

	/**
	 * The MFA audit entries about the user, oldest first, read past row-level security.
	 */
	private static List<String> mfaAudit(ConsiliumUser user) {
		return TestDatabase.get()
			.adminJdbc()
			.queryForList(
					"select action from audit_event where tenant_id = ? and subject_type = 'user' "
							+ "and subject_id = ? and action like 'MFA%' order by seq",
					String.class, TenantId.PLATFORM.value(), user.id());
	}

	private ConsiliumUser newOperator(Role role) {
		String email = "staff-" + UUID.randomUUID().toString().substring(0, 8) + "@ops.example";
		Account account = this.partitions.in(TenantId.PLATFORM,
				() -> this.repository.save(Account.verified(email, "New Staff",
						this.encoder.encode(org.consilium.support.TestPasswords.generate()), java.util.Set.of(role),
						this.clock.instant())));
		return AccountUserDetailsService.principal(TenantId.PLATFORM, account);
	}

}
