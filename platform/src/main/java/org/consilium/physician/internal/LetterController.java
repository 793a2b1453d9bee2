package org.consilium.physician.internal;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The referring-physician letter as a download, for the case's doctor, its patient and
 * staff; "not found" for anyone else, exactly like a case that does not exist.
 */
@RestController
class LetterController {

	private final LetterService letters;

	LetterController(LetterService letters) {
		this.letters = letters;
	}

	@GetMapping("/cases/{reference}/doctor/letter.pdf")
	ResponseEntity<byte[]> letter(@PathVariable String reference,
			@RequestParam(name = "lang", required = false) String lang, HttpServletRequest request) {
		Locale locale = (lang != null && lang.matches("[a-z]{2}")) ? Locale.forLanguageTag(lang) : request.getLocale();
		return this.letters.letter(reference, locale)
			.map((letter) -> ResponseEntity.ok()
				.contentType(MediaType.APPLICATION_PDF)
				.header(HttpHeaders.CONTENT_DISPOSITION,
						ContentDisposition.attachment().filename(letter.fileName()).build().toString())
				.header("X-Content-Type-Options", "nosniff")
				.cacheControl(CacheControl.noStore())
				.body(letter.content()))
			.orElseGet(() -> ResponseEntity.notFound().build());
	}

}
