package org.consilium.support;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinServletRequest;
import org.consilium.identity.ConsiliumUser;
import org.consilium.tenant.TenantContext;
import org.consilium.tenant.TenantId;

import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.util.ClassUtils;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Vaadin views in Karibu-Testing, as they run on one site: the tenant (or the operator
 * site when none) is current for the whole test, as the request filter would make it, and
 * a signed-in user is visible both to Spring Security and to Vaadin's view access checks.
 * <p>
 * Karibu's mock servlet sets two JVM-wide system properties (a frontend folder of
 * {@code ./src/main/frontend/} and the project base directory) that Vaadin prefers over
 * the build's token file. Left behind, they make any real Vaadin servlet started later in
 * the same test JVM (the browser tests' server) look for the theme in the wrong folder,
 * decide its development bundle is stale and run {@code npm install}, which fails on this
 * machine kind. {@link #close()} puts them back as they were.
 */
public final class KaribuSite implements AutoCloseable {

	private static final List<String> KARIBU_SYSTEM_PROPERTIES = List.of("vaadin.vaadin.frontend.frontend.folder",
			"vaadin.project.basedir");

	private static Routes routes;

	private final TenantContext.Scope scope;

	private final Map<String, String> systemProperties;

	private KaribuSite(TenantContext.Scope scope, Map<String, String> systemProperties) {
		this.scope = scope;
		this.systemProperties = systemProperties;
	}

	/** Opens a fresh UI on a tenant's site; {@code null} means the operator site. */
	public static KaribuSite open(ApplicationContext context, TenantId tenant, Locale locale) {
		TenantContext.Scope scope = (tenant != null) ? TenantContext.enter(tenant) : null;
		if (routes == null) {
			routes = discoverRoutes();
		}
		Map<String, String> systemProperties = new HashMap<>();
		KARIBU_SYSTEM_PROPERTIES.forEach((name) -> systemProperties.put(name, System.getProperty(name)));
		MockVaadin.setup(UI::new, new MockSpringServlet(routes, context, UI::new));
		if (locale != null) {
			UI.getCurrent().setLocale(locale);
		}
		return new KaribuSite(scope, systemProperties);
	}

	/**
	 * Karibu's own discovery sees public classes only; views here are package-private (as
	 * in Vaadin's reference apps), so Spring's scanner finds them instead.
	 */
	@SuppressWarnings("unchecked")
	private static Routes discoverRoutes() {
		var scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AnnotationTypeFilter(Route.class));
		scanner.addIncludeFilter(new AssignableTypeFilter(HasErrorParameter.class));
		Set<Class<? extends Component>> views = new HashSet<>();
		Set<Class<? extends HasErrorParameter<?>>> errors = new HashSet<>();
		for (var candidate : scanner.findCandidateComponents("org.consilium")) {
			Class<?> type = ClassUtils.resolveClassName(candidate.getBeanClassName(), null);
			if (type.isAnnotationPresent(Route.class)) {
				views.add((Class<? extends Component>) type);
			}
			if (HasErrorParameter.class.isAssignableFrom(type)) {
				errors.add((Class<? extends HasErrorParameter<?>>) type);
			}
		}
		return new Routes(views, errors, true);
	}

	public KaribuSite signIn(ConsiliumUser user) {
		return authenticate(Users.authentication(user));
	}

	/** Any authentication, e.g. one whose second factor is still due. */
	public KaribuSite authenticate(org.springframework.security.core.Authentication authentication) {
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(authentication);
		SecurityContextHolder.setContext(context);
		FakeRequest request = (FakeRequest) VaadinServletRequest.getCurrent().getRequest();
		request.setUserPrincipalInt(authentication);
		request.setUserInRole((principal, role) -> authentication.getAuthorities()
			.stream()
			.anyMatch((authority) -> authority.getAuthority().equals("ROLE_" + role)));
		return this;
	}

	public KaribuSite navigate(String location) {
		UI.getCurrent().navigate(location);
		return this;
	}

	@Override
	public void close() {
		try {
			MockVaadin.tearDown();
		}
		finally {
			SecurityContextHolder.clearContext();
			this.systemProperties.forEach((name, value) -> {
				if (value == null) {
					System.clearProperty(name);
				}
				else {
					System.setProperty(name, value);
				}
			});
			if (this.scope != null) {
				this.scope.close();
			}
		}
	}

}
