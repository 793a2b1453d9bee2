package org.consilium.identity.internal;

import org.consilium.tenant.TenantContext;
import org.consilium.tenant.Tenants;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The platform's OAuth2 / OpenID provider (Spring Authorization Server) for the REST API.
 * No issuer is configured, so each site's host is its own issuer
 * ({@code http://acme.localhost:8080}); clients exist per tenant; tokens carry their
 * tenant and are accepted only on its hosts.
 */
@Configuration(proxyBeanMethods = false)
class AuthorizationServerConfiguration {

	@Bean
	@Order(0)
	SecurityFilterChain authorizationServerSecurity(HttpSecurity http) throws Exception {
		OAuth2AuthorizationServerConfigurer server = OAuth2AuthorizationServerConfigurer.authorizationServer();
		http.securityMatcher(server.getEndpointsMatcher())
			.with(server, (configurer) -> configurer.oidc(Customizer.withDefaults()))
			.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
			.csrf((csrf) -> csrf.ignoringRequestMatchers(server.getEndpointsMatcher()))
			.exceptionHandling(
					(errors) -> errors.authenticationEntryPoint((request, response, ex) -> SecurityConfiguration
						.problem(response, HttpStatus.UNAUTHORIZED, "Authentication required.")));
		return http.build();
	}

	@Bean
	AuthorizationServerSettings authorizationServerSettings() {
		return AuthorizationServerSettings.builder().build();
	}

	@Bean
	OAuth2AuthorizationService authorizationService(JdbcTemplate jdbc, RegisteredClientRepository clients) {
		return new JdbcOAuth2AuthorizationService(jdbc, clients);
	}

	/** Every token names the tenant whose host issued it. */
	@Bean
	OAuth2TokenCustomizer<JwtEncodingContext> tenantClaim() {
		return (context) -> TenantContext.find()
			.ifPresent((tenant) -> context.getClaims().claim(SiteIssuerValidator.TENANT_CLAIM, tenant.value()));
	}

	/** Signs with the active key only; retired keys stay published for checking. */
	@Bean
	JwtEncoder jwtEncoder(SigningKeys keys) {
		NimbusJwtEncoder encoder = new NimbusJwtEncoder(keys);
		encoder.setJwkSelector((candidates) -> candidates.stream()
			.filter((jwk) -> jwk.getKeyID().equals(keys.activeKeyId()))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("The active signing key is not available")));
		return encoder;
	}

	/**
	 * Checks tokens against the stored keys, their lifetime, and this site's issuer and
	 * tenant.
	 */
	@Bean
	JwtDecoder jwtDecoder(SigningKeys keys, Tenants tenants) {
		NimbusJwtDecoder decoder = (NimbusJwtDecoder) OAuth2AuthorizationServerConfiguration.jwtDecoder(keys);
		decoder.setJwtValidator(
				new DelegatingOAuth2TokenValidator<>(new JwtTimestampValidator(), new SiteIssuerValidator(tenants)));
		return decoder;
	}

}
