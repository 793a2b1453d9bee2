package org.consilium.console.ui;

import java.util.List;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Nav;

/**
 * The console's own navigation: one link per part of the configuration.
 */
final class ConsoleSections extends Nav {

	static final List<String> SECTIONS = List.of("branding", "workflow", "billing", "languages", "texts", "sign-in",
			"versions");

	ConsoleSections(String current) {
		addClassName("console-sections");
		setId("console-sections");
		for (String section : SECTIONS) {
			Anchor link = new Anchor("admin/console/" + section, getTranslation("console.section." + section));
			link.setId("console-section-" + section);
			if (section.equals(current)) {
				link.getElement().setAttribute("aria-current", "page");
			}
			add(link);
		}
	}

}
