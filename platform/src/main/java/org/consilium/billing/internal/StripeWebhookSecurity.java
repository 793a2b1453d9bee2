package org.consilium.billing.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Stripe calls the webhook without a session or a CSRF token: the endpoint authenticates
 * each request by its signature instead (see {@link StripeWebhookController}).
 */
@Configuration(proxyBeanMethods = false)
class StripeWebhookSecurity {

	@Bean
	@Order(0)
	SecurityFilterChain stripeWebhookFilterChain(HttpSecurity http) throws Exception {
		http.securityMatcher(StripeWebhookController.PATH)
			.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.csrf((csrf) -> csrf.disable())
			.requestCache((cache) -> cache.disable())
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
		return http.build();
	}

}
