package org.consilium.identity.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.consilium.tenant.Tenant;
import org.consilium.tenant.Tenants;
import org.consilium.tenantconfig.SamlProvider;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Reads a SAML provider's metadata as its tenant file says: a file stored with the
 * tenant's configuration version, or a URL (https, or plain http on localhost only, as
 * the tenant-config loader checks). URLs are fetched with short timeouts, without
 * following redirects, and at most 1 MiB, so a slow or hostile metadata host cannot tie
 * up sign-ins.
 */
@Component
class IdpMetadataSource {

	static final int MAX_BYTES = 1024 * 1024;

	private final Tenants tenants;

	private final ObjectProvider<LocalIdpMetadata> local;

	private final HttpClient http = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(5))
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	IdpMetadataSource(Tenants tenants, ObjectProvider<LocalIdpMetadata> local) {
		this.tenants = tenants;
		this.local = local;
	}

	String read(Tenant tenant, SamlProvider provider) {
		SamlProvider.Metadata metadata = provider.metadata();
		if (metadata.file().isPresent()) {
			return this.tenants.asset(tenant.id(), metadata.file().get())
				.map((asset) -> new String(asset.content(), StandardCharsets.UTF_8))
				.orElseThrow(() -> new IllegalStateException(
						"Metadata file " + metadata.file().get() + " is not stored with tenant " + tenant.id()));
		}
		URI url = URI.create(metadata.url().orElseThrow());
		for (LocalIdpMetadata candidate : this.local) {
			var answer = candidate.metadataFor(url);
			if (answer.isPresent()) {
				return answer.get();
			}
		}
		return fetch(url);
	}

	private String fetch(URI url) {
		try {
			HttpResponse<InputStream> response = this.http.send(
					HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10)).GET().build(),
					HttpResponse.BodyHandlers.ofInputStream());
			try (InputStream body = response.body()) {
				if (response.statusCode() != 200) {
					throw new IllegalStateException("Metadata URL " + url + " answered " + response.statusCode());
				}
				byte[] bytes = body.readNBytes(MAX_BYTES + 1);
				if (bytes.length > MAX_BYTES) {
					throw new IllegalStateException("Metadata at " + url + " is larger than 1 MiB");
				}
				return new String(bytes, StandardCharsets.UTF_8);
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not fetch metadata from " + url + ": " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while fetching metadata from " + url, ex);
		}
	}

}
