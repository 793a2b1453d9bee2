package org.consilium.shell.internal;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.component.page.Inline;
import com.vaadin.flow.theme.Theme;
import org.consilium.tenant.TenantContext;
import org.consilium.tenant.Tenants;

/**
 * One base theme for every tenant; each request's page gets its tenant's colours as CSS
 * custom properties, its favicon and its name, so a new or rebranded tenant needs no
 * rebuild. See docs/decisions/005-runtime-branding.md.
 */
@Theme("consilium")
public class AppShell implements AppShellConfigurator {

	private final transient Tenants tenants;

	public AppShell(Tenants tenants) {
		this.tenants = tenants;
	}

	@Override
	public void configurePage(AppShellSettings settings) {
		settings.setViewport("width=device-width, initial-scale=1");
		var current = TenantContext.find().flatMap(this.tenants::find);
		settings.addFavIcon("icon",
				current.map((tenant) -> "branding/favicon?v=" + tenant.version()).orElse("branding/favicon"), "any");
		current.ifPresent((tenant) -> {
			settings.setPageTitle(tenant.config().displayName());
			settings.addInlineWithContents(Inline.Position.APPEND, BrandingStyles.css(tenant.config().branding()),
					Inline.Wrapping.STYLESHEET);
		});
	}

}
