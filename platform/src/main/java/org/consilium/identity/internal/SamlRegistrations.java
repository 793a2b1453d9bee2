package org.consilium.identity.internal;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.consilium.tenant.Tenant;
import org.consilium.tenant.TenantContext;
import org.consilium.tenant.TenantId;
import org.consilium.tenant.Tenants;
import org.consilium.tenantconfig.SamlProvider;

import org.springframework.security.saml2.provider.service.registration.RelyingPartyRegistration;
import org.springframework.security.saml2.provider.service.registration.RelyingPartyRegistrationRepository;
import org.springframework.security.saml2.provider.service.registration.RelyingPartyRegistrations;
import org.springframework.security.saml2.provider.service.registration.Saml2MessageBinding;
import org.springframework.stereotype.Component;

/**
 * The relying-party registrations of the current request's tenant, and of no other: a
 * registration id (the provider id from the tenant file, e.g. {@code acme-sso}) of
 * another tenant resolves to nothing on this host, and so does every id on the operator
 * site. Our entity id and assertion consumer service URL stay templates that Spring
 * resolves from each request's host, so every host of a tenant works.
 * <p>
 * Built from the tenant's configuration and cached per tenant, provider and configuration
 * version; metadata read from a URL is read again after an hour, and a failed read is
 * retried after a minute (until then the provider is unavailable, and sign-in says so).
 */
@Component
class SamlRegistrations implements RelyingPartyRegistrationRepository {

	static final String ENTITY_ID = "{baseUrl}/saml2/service-provider-metadata/{registrationId}";

	static final String ACS = "{baseUrl}/login/saml2/sso/{registrationId}";

	static final Duration URL_REFRESH = Duration.ofHours(1);

	static final Duration RETRY = Duration.ofMinutes(1);

	private static final Log log = LogFactory.getLog(SamlRegistrations.class);

	private final Tenants tenants;

	private final IdpMetadataSource metadata;

	private final Clock clock;

	private final Map<Key, Entry> cache = new ConcurrentHashMap<>();

	SamlRegistrations(Tenants tenants, IdpMetadataSource metadata, Clock clock) {
		this.tenants = tenants;
		this.metadata = metadata;
		this.clock = clock;
	}

	@Override
	public RelyingPartyRegistration findByRegistrationId(String registrationId) {
		return current(registrationId).flatMap((found) -> registration(found.tenant(), found.provider())).orElse(null);
	}

	/**
	 * Never chooses a registration by the Issuer a response claims: the assertion
	 * consumer URL names the registration, and only a stored request can stand in for it.
	 */
	@Override
	public RelyingPartyRegistration findUniqueByAssertingPartyEntityId(String entityId) {
		return null;
	}

	/** The provider's configuration, if the id names one of the current tenant's. */
	Optional<Found> current(String registrationId) {
		Optional<Tenant> tenant = TenantContext.find().flatMap(this.tenants::find);
		return tenant.flatMap((t) -> t.config()
			.identity()
			.samlProviders()
			.stream()
			.filter((provider) -> provider.id().equals(registrationId))
			.findFirst()
			.map((provider) -> new Found(t, provider)));
	}

	private Optional<RelyingPartyRegistration> registration(Tenant tenant, SamlProvider provider) {
		Key key = new Key(tenant.id(), provider.id());
		Instant now = this.clock.instant();
		Entry entry = this.cache.compute(key, (k, cached) -> {
			if (cached != null && cached.version() == tenant.version() && !cached.isStale(now)) {
				return cached;
			}
			return load(tenant, provider, now);
		});
		return Optional.ofNullable(entry.registration());
	}

	private Entry load(Tenant tenant, SamlProvider provider, Instant now) {
		boolean fromUrl = provider.metadata().url().isPresent();
		try {
			return new Entry(tenant.version(), build(tenant, provider), now, fromUrl);
		}
		catch (RuntimeException ex) {
			log.warn("SAML provider " + provider.id() + " of tenant " + tenant.id() + " is unavailable: "
					+ ex.getMessage());
			return new Entry(tenant.version(), null, now, fromUrl);
		}
	}

	private RelyingPartyRegistration build(Tenant tenant, SamlProvider provider) {
		String xml = this.metadata.read(tenant, provider);
		for (RelyingPartyRegistration.Builder candidate : RelyingPartyRegistrations
			.collectionFromMetadata(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))) {
			RelyingPartyRegistration registration = candidate.registrationId(provider.id())
				.entityId(ENTITY_ID)
				.assertionConsumerServiceLocation(ACS)
				.assertionConsumerServiceBinding(Saml2MessageBinding.POST)
				.build();
			if (!provider.entityId().equals(registration.getAssertingPartyMetadata().getEntityId())) {
				continue;
			}
			if (registration.getAssertingPartyMetadata().getWantAuthnRequestsSigned()) {
				// We hold no signing key of our own yet; an IdP that insists will refuse
				// the request and say why.
				log.warn("SAML provider " + provider.id() + " of tenant " + tenant.id()
						+ " wants signed authentication requests; Consilium sends them unsigned");
				registration = registration.mutate()
					.assertingPartyMetadata((party) -> party.wantAuthnRequestsSigned(false))
					.build();
			}
			return registration;
		}
		throw new IllegalStateException("its metadata describes no identity provider " + provider.entityId());
	}

	record Found(Tenant tenant, SamlProvider provider) {
	}

	private record Key(TenantId tenant, String providerId) {
	}

	private record Entry(int version, RelyingPartyRegistration registration, Instant loadedAt, boolean fromUrl) {

		boolean isStale(Instant now) {
			if (this.registration == null) {
				return !now.isBefore(this.loadedAt.plus(RETRY));
			}
			return this.fromUrl && !now.isBefore(this.loadedAt.plus(URL_REFRESH));
		}

	}

}
