package org.consilium.identity.devidp;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The development identity provider's pages are open to anyone (it is the identity
 * provider: nobody is signed in to it) and keep no state, so they need neither a session
 * nor CSRF tokens: everything is a GET whose request travels in the link.
 */
@Configuration(proxyBeanMethods = false)
@Profile("dev")
class DevIdpSecurity {

	@Bean
	@Order(0)
	SecurityFilterChain devIdpFilterChain(HttpSecurity http) throws Exception {
		http.securityMatcher("/dev-idp/**")
			.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.csrf((csrf) -> csrf.disable())
			.requestCache((cache) -> cache.disable())
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
		return http.build();
	}

}
