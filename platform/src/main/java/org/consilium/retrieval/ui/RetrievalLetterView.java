package org.consilium.retrieval.ui;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Optional;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.consilium.retrieval.Facility;
import org.consilium.retrieval.RequestLetter;
import org.consilium.retrieval.RetrievalRequests;

/**
 * The request letter behind the link e-mailed to the retrieval partner: no sign-in, only
 * while the link is valid, only on the programme's own site. Every view is audited by the
 * service.
 */
@Route(value = "retrieval-letter", autoLayout = false)
@AnonymousAllowed
class RetrievalLetterView extends Div implements BeforeEnterObserver, HasDynamicTitle {

	private final transient RetrievalRequests retrieval;

	private String title = "";

	RetrievalLetterView(RetrievalRequests retrieval) {
		this.retrieval = retrieval;
		addClassName("retrieval-letter");
	}

	@Override
	public void beforeEnter(BeforeEnterEvent event) {
		removeAll();
		String token = event.getLocation().getQueryParameters().getSingleParameter("token").orElse("");
		Optional<RequestLetter> letter = this.retrieval.letter(token);
		if (letter.isEmpty()) {
			this.title = getTranslation("retrieval.letter.refused.title");
			Div refused = new Div(new H1(this.title), new Paragraph(getTranslation("retrieval.letter.refused.text")));
			refused.setId("letter-refused");
			refused.addClassName("card");
			add(refused);
			return;
		}
		show(letter.get());
	}

	private void show(RequestLetter letter) {
		DateTimeFormatter date = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(getLocale());
		DateTimeFormatter dateTime = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
			.withLocale(getLocale());
		this.title = getTranslation("retrieval.letter.title", letter.programme());
		Div page = new Div();
		page.setId("request-letter");
		page.addClassName("card");
		page.add(new H1(this.title));
		Paragraph patient = new Paragraph(getTranslation(
				"retrieval.letter.patient", letter.patientName(), (letter.patientBirthDate() != null)
						? date.format(letter.patientBirthDate()) : getTranslation("retrieval.letter.unknown"),
				letter.caseReference().value()));
		patient.setId("letter-patient");
		page.add(patient, new Paragraph(getTranslation("retrieval.letter.intro", letter.programme())));
		page.add(new H2(getTranslation("retrieval.letter.facilities")));
		UnorderedList facilities = new UnorderedList();
		facilities.setId("letter-facilities");
		for (Facility facility : letter.facilities()) {
			String dates = (facility.careTo() != null)
					? getTranslation("retrieval.dates", date.format(facility.careFrom()),
							date.format(facility.careTo()))
					: getTranslation("retrieval.dates.ongoing", date.format(facility.careFrom()));
			facilities.add(new ListItem(getTranslation("retrieval.request.facility", facility.name(),
					facility.address(), facility.phone(), dates)));
		}
		page.add(facilities, new H2(getTranslation("retrieval.letter.records")));
		UnorderedList records = new UnorderedList();
		records.setId("letter-records");
		letter.kinds()
			.stream()
			.sorted()
			.forEach((kind) -> records.add(new ListItem(getTranslation("retrieval.kind." + kind.key()))));
		if (letter.details() != null) {
			records.add(new ListItem(letter.details()));
		}
		page.add(records, new H2(getTranslation("retrieval.letter.authorisation")));
		Paragraph text = new Paragraph(letter.authorisationText());
		text.addClassName("consent-text");
		Paragraph signed = new Paragraph(getTranslation("retrieval.letter.signed", letter.signedName(),
				dateTime.format(letter.signedAt().atZone(ZoneOffset.UTC)), letter.authorisationVersion()));
		signed.setId("letter-signature");
		page.add(text, signed);
		Paragraph returnTo = new Paragraph(
				getTranslation("retrieval.letter.return", letter.returnEmail(), letter.caseReference().value()));
		returnTo.setId("letter-return");
		Paragraph expires = new Paragraph(getTranslation("retrieval.letter.expires",
				dateTime.format(letter.linkExpiresAt().atZone(ZoneOffset.UTC))));
		expires.addClassName("letter-expires");
		page.add(returnTo, expires);
		add(page);
	}

	@Override
	public String getPageTitle() {
		return this.title;
	}

}
