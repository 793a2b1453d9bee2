package org.consilium.identity.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.consilium.identity.ConsiliumUser;
import org.consilium.identity.MfaPendingAuthentication;

import org.springframework.stereotype.Component;

/**
 * What the identity views may do, in one place: the services behind it stay
 * package-private.
 */
@Component
public class AccountViews {

	private final AccountService accounts;

	private final MfaService mfa;

	private final SignInCompletion completion;

	AccountViews(AccountService accounts, MfaService mfa, SignInCompletion completion) {
		this.accounts = accounts;
		this.mfa = mfa;
		this.completion = completion;
	}

	public boolean registrationOpen() {
		return this.accounts.registrationOpen();
	}

	public Map<String, List<String>> register(String email, String name, String password, Locale locale) {
		return this.accounts.register(email, name, password, locale);
	}

	public Map<String, List<String>> registerPatient(String email, String password,
			org.consilium.identity.Demographics demographics, Locale locale) {
		return this.accounts.registerPatient(email, password, demographics, locale);
	}

	public boolean verifyEmail(String token) {
		return this.accounts.verifyEmail(token);
	}

	public void requestPasswordReset(String email, Locale locale) {
		this.accounts.requestPasswordReset(email, locale);
	}

	public Map<String, List<String>> resetPassword(String token, String password) {
		return this.accounts.resetPassword(token, password);
	}

	public MfaSetup startMfaEnrolment(ConsiliumUser user, String issuerFallback) {
		MfaService.Enrolment enrolment = this.mfa.startEnrolment(user, issuerFallback);
		return new MfaSetup(enrolment.secret(), enrolment.qrSvg());
	}

	/**
	 * @return the recovery codes, or empty if the code did not match
	 */
	public List<String> confirmMfaEnrolment(ConsiliumUser user, String secret, String code) {
		return this.mfa.confirmEnrolment(user, secret, code);
	}

	public boolean verifyMfa(ConsiliumUser user, String code) {
		return this.mfa.verify(user, code);
	}

	public void completeSignIn(MfaPendingAuthentication pending) {
		this.completion.complete(pending);
	}

	/** A secret to enrol and its QR code (inline SVG). */
	public record MfaSetup(String secret, String qrSvg) {
	}

}
