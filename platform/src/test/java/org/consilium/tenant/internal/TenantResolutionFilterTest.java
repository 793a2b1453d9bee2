package org.consilium.tenant.internal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.servlet.ServletException;
import org.consilium.tenant.Site;
import org.consilium.tenant.TenancyProperties;
import org.consilium.tenant.Tenant;
import org.consilium.tenant.TenantAsset;
import org.consilium.tenant.TenantContext;
import org.consilium.tenant.TenantId;
import org.consilium.tenant.Tenants;
import org.consilium.tenantconfig.TenantConfig;
import org.junit.jupiter.api.Test;

import org.springframework.context.support.StaticMessageSource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The request filter sets the tenant for the request only, and clears it however the
 * request ends.
 */
class TenantResolutionFilterTest {

	static final Tenant ACME = new Tenant(TenantId.of("acme"), null, 1, Tenant.Status.ACTIVE);

	final TenancyProperties properties = new TenancyProperties(List.of("ops.localhost"), List.of("localhost"),
			TenancyProperties.BareHostMode.DIRECTORY, "public", null, java.time.Duration.ZERO, java.time.Duration.ZERO);

	final Tenants tenants = new Tenants() {
		@Override
		public Site siteFor(String host) {
			return "acme.localhost".equals(host) ? new Site.TenantSite(ACME) : new Site.UnknownSite(host);
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
	};

	final TenantResolutionFilter filter = new TenantResolutionFilter(this.tenants, this.properties,
			new TenantPages(messages(), this.properties));

	@Test
	void the_tenant_is_set_during_the_request_and_cleared_after() throws Exception {
		AtomicReference<TenantId> seen = new AtomicReference<>();
		this.filter.doFilter(request("acme.localhost"), new MockHttpServletResponse(),
				new MockFilterChain(new jakarta.servlet.http.HttpServlet() {
					@Override
					protected void service(jakarta.servlet.http.HttpServletRequest req,
							jakarta.servlet.http.HttpServletResponse res) {
						seen.set(TenantContext.current());
					}
				}));
		assertThat(seen.get()).isEqualTo(ACME.id());
		assertThat(TenantContext.find()).isEmpty();
	}

	@Test
	void the_tenant_is_cleared_when_the_request_fails() {
		assertThatThrownBy(
				() -> this.filter.doFilter(request("acme.localhost"), new MockHttpServletResponse(), (req, res) -> {
					throw new ServletException("view failed");
				}))
			.hasMessage("view failed");
		assertThat(TenantContext.find()).isEmpty();
	}

	@Test
	void an_unknown_host_never_reaches_the_application() throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		MockFilterChain chain = new MockFilterChain();
		this.filter.doFilter(request("evil.example"), response, chain);
		assertThat(response.getStatus()).isEqualTo(404);
		assertThat(chain.getRequest()).as("the chain was not called").isNull();
	}

	@Test
	void the_bare_host_can_redirect_to_a_configured_programme() throws Exception {
		TenancyProperties redirect = new TenancyProperties(List.of("ops.localhost"), List.of("localhost"),
				TenancyProperties.BareHostMode.REDIRECT, "public", null, java.time.Duration.ZERO,
				java.time.Duration.ZERO);
		Tenant publicTenant = new Tenant(TenantId.of("public"),
				new org.consilium.tenantconfig.TenantConfigLoader()
					.loadDirectory(java.nio.file.Path.of("..", "tenant-config", "tenants"))
					.stream()
					.filter((t) -> t.config().slug().equals("public"))
					.findFirst()
					.orElseThrow()
					.config(),
				1, Tenant.Status.ACTIVE);
		Tenants bare = new Tenants() {
			@Override
			public Site siteFor(String host) {
				return new Site.BareSite();
			}

			@Override
			public Optional<Tenant> find(TenantId id) {
				return Optional.of(publicTenant).filter((t) -> t.id().equals(id));
			}

			@Override
			public List<Tenant> all() {
				return List.of(publicTenant);
			}

			@Override
			public Optional<TenantAsset> asset(TenantId tenant, String path) {
				return Optional.empty();
			}
		};
		MockHttpServletRequest request = request("localhost");
		request.setServerPort(8080);
		MockHttpServletResponse response = new MockHttpServletResponse();
		new TenantResolutionFilter(bare, redirect, new TenantPages(messages(), redirect)).doFilter(request, response,
				new MockFilterChain());
		assertThat(response.getStatus()).isEqualTo(302);
		assertThat(response.getRedirectedUrl()).isEqualTo("http://public.localhost:8080/");
	}

	private static MockHttpServletRequest request(String host) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
		request.setServerName(host);
		return request;
	}

	private static StaticMessageSource messages() {
		StaticMessageSource messages = new StaticMessageSource();
		messages.setUseCodeAsDefaultMessage(true);
		messages.addMessage("site.unknown.title", Locale.ENGLISH, "No programme at this address");
		return messages;
	}

}
