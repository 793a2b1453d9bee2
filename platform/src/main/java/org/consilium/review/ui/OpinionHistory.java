package org.consilium.review.ui;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;

import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.UnorderedList;
import org.consilium.review.OpinionVersion;

/** Every version of the opinion, newest first: where each one went. */
class OpinionHistory extends Details {

	OpinionHistory(List<OpinionVersion> versions, ZoneId zone) {
		setSummaryText(getTranslation("work.history.title", versions.size()));
		setId("opinion-history");
		UnorderedList list = new UnorderedList();
		for (int i = versions.size() - 1; i >= 0; i--) {
			OpinionVersion version = versions.get(i);
			Instant when = (version.submittedAt() != null) ? version.submittedAt() : version.savedAt();
			list.add(new ListItem(getTranslation("work.history.version", version.version(),
					getTranslation("work.history.state." + version.state().name()), version.authorName(),
					when.atZone(zone)
						.format(DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(getLocale())))));
		}
		add(list);
	}

}
