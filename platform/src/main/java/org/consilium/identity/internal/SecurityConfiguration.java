package org.consilium.identity.internal;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import com.vaadin.flow.spring.security.VaadinAwareSecurityContextHolderStrategyConfiguration;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import jakarta.servlet.http.HttpServletResponse;
import org.consilium.identity.ui.LoginView;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.saml2.provider.service.web.Saml2WebSsoAuthenticationRequestFilter;

/**
 * Two filter chains: the REST API answers 401/403 as problem details; everything else is
 * the Vaadin UI with its login view and the tenant's SAML single sign-on
 * ({@link SamlLogin}). Both refuse a principal from another site. Roles are checked on
 * services ({@code @PreAuthorize}) as well as on views.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableMethodSecurity(jsr250Enabled = true)
@Import(VaadinAwareSecurityContextHolderStrategyConfiguration.class)
class SecurityConfiguration {

	/**
	 * Argon2id for new hashes; bcrypt and the other standard ids still verify (and get
	 * upgraded).
	 */
	@Bean
	PasswordEncoder passwordEncoder() {
		Map<String, PasswordEncoder> encoders = new HashMap<>();
		encoders.put("argon2", Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8());
		encoders.put("bcrypt", new BCryptPasswordEncoder());
		return new DelegatingPasswordEncoder("argon2", encoders);
	}

	@Bean
	AccountAuthenticationProvider authenticationProvider(AccountUserDetailsService users, PasswordEncoder encoder) {
		return new AccountAuthenticationProvider(users, encoder);
	}

	@Bean
	@Order(1)
	SecurityFilterChain apiSecurity(HttpSecurity http, PrincipalSiteGuard guard, SessionLimitsGuard limits,
			JwtDecoder jwtDecoder) throws Exception {
		http.securityMatcher("/api/**")
			.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
			// Partner systems: bearer tokens from this site's authorization server.
			// Browsers: the session.
			.oauth2ResourceServer((server) -> server.jwt((jwt) -> jwt.decoder(jwtDecoder))
				.authenticationEntryPoint((request, response, ex) -> {
					response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
					problem(response, HttpStatus.UNAUTHORIZED,
							"The access token is missing, expired or not for this site.");
				})
				.accessDeniedHandler((request, response, ex) -> problem(response, HttpStatus.FORBIDDEN,
						"The token's scopes do not allow this.")))
			.exceptionHandling((errors) -> errors.authenticationEntryPoint(
					(request, response, ex) -> problem(response, HttpStatus.UNAUTHORIZED, "Sign in to use this API."))
				.accessDeniedHandler((request, response, ex) -> problem(response, HttpStatus.FORBIDDEN,
						"Your role does not allow this.")))
			.requestCache((cache) -> cache.disable())
			.addFilterAfter(guard, SecurityContextHolderFilter.class)
			.addFilterAfter(limits, PrincipalSiteGuard.class);
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain uiSecurity(HttpSecurity http, PrincipalSiteGuard guard, SessionLimitsGuard limits,
			LoginOriginGuard loginOrigin, SignInThrottle throttle, SamlLogin saml,
			SamlUnknownProviders unknownProviders) throws Exception {
		// The SAML filters answer their own URLs; an id that is not this site's falls
		// through to the UI, which says "not found".
		http.authorizeHttpRequests((requests) -> requests
			.requestMatchers("/branding/**", "/actuator/health/**", "/saml2/**", "/login/saml2/**")
			.permitAll())
			.saml2Login(saml::configure)
			.saml2Metadata(saml::configure)
			.addFilterAfter(guard, SecurityContextHolderFilter.class)
			.addFilterAfter(limits, PrincipalSiteGuard.class)
			.addFilterBefore(loginOrigin, UsernamePasswordAuthenticationFilter.class)
			.addFilterBefore(throttle, LoginOriginGuard.class)
			.addFilterBefore(unknownProviders, Saml2WebSsoAuthenticationRequestFilter.class);
		http.with(VaadinSecurityConfigurer.vaadin(), (vaadin) -> vaadin.loginView(LoginView.class, "/"));
		return http.build();
	}

	/**
	 * These filters run inside the security chains only, never a second time as plain
	 * servlet filters.
	 */
	@Bean
	FilterRegistrationBean<PrincipalSiteGuard> principalSiteGuardRegistration(PrincipalSiteGuard filter) {
		return disabled(filter);
	}

	@Bean
	FilterRegistrationBean<SessionLimitsGuard> sessionLimitsGuardRegistration(SessionLimitsGuard filter) {
		return disabled(filter);
	}

	@Bean
	FilterRegistrationBean<LoginOriginGuard> loginOriginGuardRegistration(LoginOriginGuard filter) {
		return disabled(filter);
	}

	@Bean
	FilterRegistrationBean<SignInThrottle> signInThrottleRegistration(SignInThrottle filter) {
		return disabled(filter);
	}

	@Bean
	FilterRegistrationBean<SamlUnknownProviders> samlUnknownProvidersRegistration(SamlUnknownProviders filter) {
		return disabled(filter);
	}

	private static <T extends jakarta.servlet.Filter> FilterRegistrationBean<T> disabled(T filter) {
		FilterRegistrationBean<T> registration = new FilterRegistrationBean<>(filter);
		registration.setEnabled(false);
		return registration;
	}

	static void problem(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.getWriter()
			.write("{\"type\":\"about:blank\",\"title\":\"" + status.getReasonPhrase() + "\",\"status\":"
					+ status.value() + ",\"detail\":\"" + detail + "\"}");
	}

}
