package org.consilium.review.ui;

import java.time.ZoneId;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import org.consilium.review.ApprovalFile;
import org.consilium.review.OpinionVersion;

/**
 * The version waiting for review, in full, and the history of every version with what
 * reviewers said of it.
 */
class ReviewedVersions extends Div {

	ReviewedVersions(ApprovalFile file, ZoneId zone) {
		Div submitted = new Div();
		submitted.addClassName("card");
		submitted.setId("submitted-opinion");
		OpinionVersion version = file.submitted();
		if (version == null) {
			submitted.add(new H2(getTranslation("approval.submitted.none")));
		}
		else {
			submitted.add(new H2(getTranslation("approval.submitted.title", version.version())),
					new Paragraph(getTranslation("approval.submitted.by", version.authorName(),
							Dates.dateTime(version.submittedAt(), zone, getLocale()))),
					new OpinionSections(version.content()));
		}
		Div history = new Div(new H2(getTranslation("approval.versions.title")));
		history.addClassName("card");
		history.setId("versions");
		for (ApprovalFile.VersionReviews entry : file.versions()) {
			history.add(version(entry, zone));
		}
		add(submitted, history);
	}

	private Div version(ApprovalFile.VersionReviews entry, ZoneId zone) {
		OpinionVersion version = entry.version();
		Div item = new Div(new H3(getTranslation("approval.version", version.version(),
				getTranslation("approval.version.state." + version.state().name()), version.authorName())));
		item.addClassName("summary-section");
		if (entry.reviews().isEmpty()) {
			item.add(new Paragraph(getTranslation("approval.reviews.none")));
			return item;
		}
		UnorderedList reviews = new UnorderedList();
		for (ApprovalFile.Review review : entry.reviews()) {
			ListItem line = new ListItem(OpinionSections.label(getTranslation("approval.review",
					getTranslation("approval.review.outcome." + review.outcome().name()), review.reviewerName(),
					Dates.dateTime(review.reviewedAt(), zone, getLocale()))));
			if (review.comment() != null) {
				line.add(OpinionSections.value(review.comment()));
			}
			reviews.add(line);
		}
		item.add(reviews);
		return item;
	}

}
