package org.consilium.shell.internal;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Optional;

import org.consilium.tenant.TenantAsset;
import org.consilium.tenant.TenantContext;
import org.consilium.tenant.Tenants;
import org.consilium.tenantconfig.Branding;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The current site's logo and favicon, from its tenant's stored configuration (the
 * operator site and tenants without a favicon get the platform's own). Served with a
 * sandboxing CSP, since an SVG opened directly could otherwise run script on our origin.
 */
@RestController
class BrandingController {

	private static final String PLATFORM_LOGO = "static/images/consilium-logo.svg";

	private final Tenants tenants;

	BrandingController(Tenants tenants) {
		this.tenants = tenants;
	}

	@GetMapping("/branding/{kind:logo|favicon}")
	ResponseEntity<byte[]> asset(@PathVariable String kind) throws IOException {
		Optional<TenantAsset> asset = TenantContext.find().flatMap(this.tenants::find).flatMap((tenant) -> {
			Branding branding = tenant.config().branding();
			String path = "logo".equals(kind) ? branding.logo() : branding.favicon();
			return Optional.ofNullable(path).flatMap((p) -> this.tenants.asset(tenant.id(), p));
		});
		if (asset.isPresent()) {
			return respond(asset.get().content(), asset.get().mediaType(), asset.get().sha256());
		}
		ClassPathResource fallback = new ClassPathResource(PLATFORM_LOGO);
		if (!fallback.exists()) {
			return ResponseEntity.status(HttpStatus.NOT_FOUND).build();
		}
		try (InputStream in = fallback.getInputStream()) {
			return respond(in.readAllBytes(), "image/svg+xml", "platform");
		}
	}

	private static ResponseEntity<byte[]> respond(byte[] content, String mediaType, String etag) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(mediaType))
			.cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
			.eTag("\"" + etag + "\"")
			.header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; sandbox")
			.header("X-Content-Type-Options", "nosniff")
			.body(content);
	}

}
