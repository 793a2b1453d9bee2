package org.consilium.review.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import org.consilium.cases.CaseNotFoundException;
import org.consilium.cases.CaseReference;
import org.consilium.review.OpinionNotAvailableException;
import org.consilium.review.PublishedOpinions;
import org.consilium.review.PublishedOpinions.OpinionDocument;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The published opinion as a PDF download on the programme's site, for whoever may read
 * it there; "not found" for anyone else, exactly like a case that does not exist, and
 * "conflict" while it is not yet available to the caller.
 */
@RestController
class OpinionPdfController {

	private final PublishedOpinions opinions;

	OpinionPdfController(PublishedOpinions opinions) {
		this.opinions = opinions;
	}

	@GetMapping("/cases/{reference}/opinion.pdf")
	ResponseEntity<byte[]> pdf(@PathVariable String reference,
			@RequestParam(name = "lang", required = false) String lang, HttpServletRequest request) {
		CaseReference parsed = CaseReference.parse(reference).orElseThrow(() -> new CaseNotFoundException(reference));
		Locale locale = (lang != null && lang.matches("[a-z]{2}")) ? Locale.forLanguageTag(lang) : request.getLocale();
		OpinionDocument document = this.opinions.pdf(parsed, locale);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(document.fileName()).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.cacheControl(CacheControl.noStore())
			.body(document.content());
	}

	@ExceptionHandler(CaseNotFoundException.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	void notFound() {
		// same answer whether the case exists elsewhere or not at all
	}

	@ExceptionHandler(OpinionNotAvailableException.class)
	@ResponseStatus(HttpStatus.CONFLICT)
	void notYetAvailable() {
		// the caller may read the case, but not (yet) its opinion
	}

}
