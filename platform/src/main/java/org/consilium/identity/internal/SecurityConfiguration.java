package org.consilium.identity.internal;

import java.io.IOException;

import com.vaadin.flow.spring.security.VaadinAwareSecurityContextHolderStrategyConfiguration;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import jakarta.servlet.http.HttpServletResponse;
import org.consilium.identity.ConsiliumUser;
import org.consilium.identity.ui.LoginView;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;

/**
 * Two filter chains: the REST API answers 401/403 as problem details; everything else is
 * the Vaadin UI with its login view. Both refuse a principal from another site. Roles are
 * checked on services ({@code @PreAuthorize}) as well as on views.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableMethodSecurity(jsr250Enabled = true)
@Import(VaadinAwareSecurityContextHolderStrategyConfiguration.class)
class SecurityConfiguration {

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	DaoAuthenticationProvider authenticationProvider(UserDetailsService users, PasswordEncoder encoder) {
		DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users) {
			@Override
			protected Authentication createSuccessAuthentication(Object principal, Authentication authentication,
					UserDetails user) {
				// The session keeps the user without the password hash.
				Object kept = (principal instanceof ConsiliumUser consiliumUser) ? consiliumUser.withoutPassword()
						: principal;
				return super.createSuccessAuthentication(kept, authentication, user);
			}
		};
		provider.setPasswordEncoder(encoder);
		return provider;
	}

	@Bean
	@Order(1)
	SecurityFilterChain apiSecurity(HttpSecurity http, PrincipalSiteGuard guard) throws Exception {
		http.securityMatcher("/api/**")
			.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
			.exceptionHandling((errors) -> errors.authenticationEntryPoint(
					(request, response, ex) -> problem(response, HttpStatus.UNAUTHORIZED, "Sign in to use this API."))
				.accessDeniedHandler((request, response, ex) -> problem(response, HttpStatus.FORBIDDEN,
						"Your role does not allow this.")))
			.requestCache((cache) -> cache.disable())
			.addFilterAfter(guard, SecurityContextHolderFilter.class);
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain uiSecurity(HttpSecurity http, PrincipalSiteGuard guard, LoginOriginGuard loginOrigin)
			throws Exception {
		http.authorizeHttpRequests(
				(requests) -> requests.requestMatchers("/branding/**", "/actuator/health/**").permitAll())
			.addFilterAfter(guard, SecurityContextHolderFilter.class)
			.addFilterBefore(loginOrigin, UsernamePasswordAuthenticationFilter.class);
		http.with(VaadinSecurityConfigurer.vaadin(), (vaadin) -> vaadin.loginView(LoginView.class, "/"));
		return http.build();
	}

	static void problem(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.getWriter()
			.write("{\"type\":\"about:blank\",\"title\":\"" + status.getReasonPhrase() + "\",\"status\":"
					+ status.value() + ",\"detail\":\"" + detail + "\"}");
	}

}
