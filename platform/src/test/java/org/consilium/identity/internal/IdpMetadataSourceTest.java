package org.consilium.identity.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.sun.net.httpserver.HttpServer;
import org.consilium.tenant.Site;
import org.consilium.tenant.Tenant;
import org.consilium.tenant.TenantAsset;
import org.consilium.tenant.TenantId;
import org.consilium.tenant.Tenants;
import org.consilium.tenantconfig.SamlProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.StaticListableBeanFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Metadata named by URL is fetched over HTTP unless the application answers it itself; a
 * slow, huge or failing answer is an error, never a partial read.
 */
class IdpMetadataSourceTest {

	static final Tenant ACME = new Tenant(TenantId.of("acme"), null, 1, Tenant.Status.ACTIVE);

	HttpServer server;

	String base;

	@BeforeEach
	void serve() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/metadata", (exchange) -> answer(exchange, 200, "<md:EntityDescriptor/>"));
		this.server.createContext("/huge",
				(exchange) -> answer(exchange, 200, "x".repeat(IdpMetadataSource.MAX_BYTES + 1)));
		this.server.createContext("/gone", (exchange) -> answer(exchange, 404, "nope"));
		this.server.createContext("/moved", (exchange) -> {
			exchange.getResponseHeaders().add("Location", this.base + "/metadata");
			answer(exchange, 302, "");
		});
		this.server.start();
		this.base = "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	@AfterEach
	void stop() {
		this.server.stop(0);
	}

	@Test
	void a_metadata_url_is_fetched_over_http() {
		assertThat(source().read(ACME, provider(this.base + "/metadata"))).isEqualTo("<md:EntityDescriptor/>");
	}

	@Test
	void failing_huge_or_redirected_answers_are_errors() {
		for (String path : List.of("/gone", "/huge", "/moved")) {
			assertThatThrownBy(() -> source().read(ACME, provider(this.base + path))).as(path)
				.isInstanceOf(IllegalStateException.class);
		}
	}

	@Test
	void the_application_answers_its_own_identity_providers_metadata_without_http() {
		LocalIdpMetadata local = (url) -> url.getHost().equals("ops.localhost") ? Optional.of("<in-process/>")
				: Optional.empty();
		IdpMetadataSource source = new IdpMetadataSource(new NoTenants(),
				new StaticListableBeanFactory(Map.of("local", local)).getBeanProvider(LocalIdpMetadata.class));
		assertThat(source.read(ACME, provider("http://ops.localhost:8080/dev-idp/acme/metadata")))
			.isEqualTo("<in-process/>");
		assertThat(source.read(ACME, provider(this.base + "/metadata"))).isEqualTo("<md:EntityDescriptor/>");
	}

	private IdpMetadataSource source() {
		return new IdpMetadataSource(new NoTenants(),
				new StaticListableBeanFactory().getBeanProvider(LocalIdpMetadata.class));
	}

	private static SamlProvider provider(String url) {
		return new SamlProvider("acme-sso", "Acme", "urn:test",
				new SamlProvider.Metadata(Optional.empty(), Optional.of(url)), false,
				new SamlProvider.AttributeMapping("mail", Optional.empty(), Optional.empty(), Optional.empty(),
						Optional.empty()),
				Map.of(), Optional.empty());
	}

	private static void answer(com.sun.net.httpserver.HttpExchange exchange, int status, String body)
			throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	private static final class NoTenants implements Tenants {

		@Override
		public Site siteFor(String host) {
			return new Site.UnknownSite(host);
		}

		@Override
		public Optional<Tenant> find(TenantId id) {
			return Optional.empty();
		}

		@Override
		public List<Tenant> all() {
			return List.of();
		}

		@Override
		public Optional<TenantAsset> asset(TenantId tenant, String path) {
			return Optional.empty();
		}

	}

}
