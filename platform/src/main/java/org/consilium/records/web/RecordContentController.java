package org.consilium.records.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.consilium.cases.CaseAccess;
import org.consilium.cases.CaseId;
import org.consilium.cases.CaseNotFoundException;
import org.consilium.cases.CaseReference;
import org.consilium.records.RecordContent;
import org.consilium.records.RecordIntegrityException;
import org.consilium.records.RecordNotFoundException;
import org.consilium.records.RecordSummary;
import org.consilium.records.Records;
import org.consilium.identity.ConsiliumUser;
import org.consilium.identity.CurrentUser;
import org.consilium.tenant.Site;
import org.consilium.tenant.TenantContext;
import org.consilium.tenant.TenantId;
import org.consilium.tenant.Tenants;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A record's bytes on the tenant's site, for the signed-in case readers: as a download,
 * or shown in the browser ({@code ?inline=true}, PDFs and JPEG/PNG images only). The name
 * is sent as RFC 6266 {@code filename*}; {@code nosniff} keeps the browser to the type
 * decided at upload; nothing is cached. If the record fails its integrity check before
 * the first bytes went out the answer is a 500; later, the connection is cut short, so
 * the download never looks complete (decision 013).
 */
@Controller
class RecordContentController {

	private final Records records;

	private final CaseAccess access;

	private final Tenants tenants;

	RecordContentController(Records records, CaseAccess access, Tenants tenants) {
		this.records = records;
		this.access = access;
		this.tenants = tenants;
	}

	/**
	 * The same, on the operator site, for operator users working on a programme's case
	 * (decision 015): the case is read inside that programme's partition, where only its
	 * assignees (and triage) can see it.
	 */
	@GetMapping("/work/{tenant}/{reference}/records/{id}/content")
	void operatorContent(@PathVariable String tenant, @PathVariable String reference, @PathVariable UUID id,
			@RequestParam(defaultValue = "false") boolean inline, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		boolean operator = request.getAttribute(Site.class.getName()) instanceof Site.OperatorSite
				&& CurrentUser.find().filter(ConsiliumUser::isOperatorUser).isPresent();
		TenantId programme = operator ? parse(tenant) : null;
		if (programme == null || this.tenants.find(programme).isEmpty()) {
			throw new CaseNotFoundException(reference);
		}
		try (TenantContext.Scope scope = TenantContext.enter(programme)) {
			content(reference, id, inline, response);
		}
	}

	private static TenantId parse(String tenant) {
		try {
			return TenantId.of(tenant);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	@GetMapping("/cases/{reference}/records/{id}/content")
	void content(@PathVariable String reference, @PathVariable UUID id,
			@RequestParam(defaultValue = "false") boolean inline, HttpServletResponse response) throws IOException {
		CaseId caseId = CaseReference.parse(reference)
			.map((parsed) -> this.access.requireRead(parsed).id())
			.orElseThrow(() -> new CaseNotFoundException(reference));
		RecordContent content;
		try {
			content = this.records.open(caseId, id, inline ? Records.Purpose.VIEW : Records.Purpose.DOWNLOAD);
		}
		catch (UncheckedIOException ex) {
			response.sendError(HttpStatus.INTERNAL_SERVER_ERROR.value(), "The record failed its integrity check.");
			return;
		}
		try (content; InputStream in = content.stream()) {
			RecordSummary record = content.record();
			boolean showInline = inline && record.viewable();
			response.setContentType(record.mediaType());
			response.setContentLengthLong(record.size());
			response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
					(showInline ? ContentDisposition.inline() : ContentDisposition.attachment())
						.filename(record.fileName(), StandardCharsets.UTF_8)
						.build()
						.toString());
			response.setHeader("X-Content-Type-Options", "nosniff");
			response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
			if (!"application/pdf".equals(record.mediaType())) {
				// Browsers' PDF viewers do not run in a sandboxed document; anything else
				// can.
				response.setHeader("Content-Security-Policy", "sandbox; default-src 'none'; img-src 'self'");
			}
			OutputStream out = response.getOutputStream();
			try {
				in.transferTo(out);
			}
			catch (RecordIntegrityException ex) {
				if (!response.isCommitted()) {
					response.reset();
					response.sendError(HttpStatus.INTERNAL_SERVER_ERROR.value(),
							"The record failed its integrity check.");
					return;
				}
				throw ex;
			}
		}
	}

	@ExceptionHandler({ CaseNotFoundException.class, RecordNotFoundException.class })
	@ResponseStatus(HttpStatus.NOT_FOUND)
	void notFound() {
		// same answer whether the record exists elsewhere or not at all
	}

}
