package org.consilium.identity.internal;

import java.time.Instant;
import java.util.Objects;

import jakarta.servlet.http.HttpServletRequest;
import org.consilium.tenant.TenantContext;
import org.consilium.tenant.TenantId;
import org.consilium.tenant.Tenants;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * A token is valid only on the site that issued it: its issuer must be this request's own
 * base URL and its tenant claim this site's tenant. A token from tenant A is refused on
 * tenant B's host, and a token issued before its programme's last suspension is refused
 * everywhere.
 */
class SiteIssuerValidator implements OAuth2TokenValidator<Jwt> {

	static final String TENANT_CLAIM = "tenant";

	private final Tenants tenants;

	SiteIssuerValidator(Tenants tenants) {
		this.tenants = tenants;
	}

	@Override
	public OAuth2TokenValidatorResult validate(Jwt token) {
		String tenant = TenantContext.find().map(Object::toString).orElse(null);
		String issuer = (token.getIssuer() != null) ? token.getIssuer().toString() : null;
		if (tenant == null || !tenant.equals(token.getClaimAsString(TENANT_CLAIM))
				|| !Objects.equals(issuer, baseUrl())) {
			return OAuth2TokenValidatorResult
				.failure(new OAuth2Error("invalid_token", "This token was not issued for this site", null));
		}
		if (issuedBeforeSuspension(token, TenantId.of(tenant))) {
			return OAuth2TokenValidatorResult.failure(
					new OAuth2Error("invalid_token", "This token was issued before the programme was suspended", null));
		}
		return OAuth2TokenValidatorResult.success();
	}

	/**
	 * A suspension voids every token issued until then (decision 022). {@code iat} has
	 * whole seconds, so a token of the suspension's own second counts as before it: the
	 * client asks for a new one.
	 */
	private boolean issuedBeforeSuspension(Jwt token, TenantId tenant) {
		Instant issuedAt = token.getIssuedAt();
		return this.tenants.find(tenant)
			.map((found) -> issuedAt == null || found.signedOutAfter(issuedAt))
			.orElse(true);
	}

	static String baseUrl() {
		if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
			return null;
		}
		HttpServletRequest request = attributes.getRequest();
		int port = request.getServerPort();
		boolean defaultPort = ("http".equals(request.getScheme()) && port == 80)
				|| ("https".equals(request.getScheme()) && port == 443);
		return request.getScheme() + "://" + request.getServerName() + (defaultPort ? "" : ":" + port);
	}

}
