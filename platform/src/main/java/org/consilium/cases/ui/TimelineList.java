package org.consilium.cases.ui;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import org.consilium.cases.TimelineEntry;

/**
 * A case's timeline, newest first, as its readers see it. Messages come from the
 * {@code timeline.*} keys with named arguments; a status argument is shown as the
 * status's name in the reader's language.
 */
class TimelineList extends UnorderedList {

	private static final Pattern ARGUMENT = Pattern.compile("\\{([a-zA-Z][a-zA-Z0-9-]*)}");

	TimelineList(List<TimelineEntry> entries, ZoneId zone) {
		setId("timeline");
		addClassName("timeline");
		for (int i = entries.size() - 1; i >= 0; i--) {
			TimelineEntry entry = entries.get(i);
			Span when = new Span(CaseFormat.dateTime(entry.occurredAt(), zone, getLocale()));
			when.addClassName("timeline-when");
			Div what = new Div(new Span(text(entry)));
			what.addClassName("timeline-what");
			ListItem item = new ListItem(when, what);
			item.getElement().setAttribute("data-what", entry.what());
			add(item);
		}
	}

	String text(TimelineEntry entry) {
		String template = getTranslation("timeline." + entry.what());
		Matcher matcher = ARGUMENT.matcher(template);
		StringBuilder text = new StringBuilder();
		while (matcher.find()) {
			matcher.appendReplacement(text, Matcher.quoteReplacement(argument(matcher.group(1), entry.args())));
		}
		matcher.appendTail(text);
		return text.toString();
	}

	private String argument(String name, Map<String, String> args) {
		String value = args.getOrDefault(name, "");
		if ("status".equals(name)) {
			return getTranslation("case.status." + value);
		}
		// an argument named ...Key holds a message key (e.g. another module's status),
		// shown
		// in the reader's language
		return (name.endsWith("Key") && !value.isEmpty()) ? getTranslation(value) : value;
	}

}
