package org.consilium.api;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import org.apache.commons.fileupload2.core.FileItemInput;
import org.apache.commons.fileupload2.core.FileItemInputIterator;
import org.apache.commons.fileupload2.jakarta.servlet6.JakartaServletFileUpload;
import org.consilium.cases.CaseAccess;
import org.consilium.cases.CaseId;
import org.consilium.cases.CaseNotFoundException;
import org.consilium.cases.CaseReference;
import org.consilium.records.NewRecord;
import org.consilium.records.RecordKind;
import org.consilium.records.RecordSummary;
import org.consilium.records.Records;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * A case's records. Uploads are {@code multipart/form-data} read as a stream (Commons
 * FileUpload's streaming API; Spring's multipart resolver is off, decision 013): the
 * fields {@code kind} and {@code language} come first, then the part {@code file}, whose
 * bytes go straight into the records module, never buffered whole. One file per request.
 */
@RestController
@RequestMapping("/api/v1/cases/{reference}/records")
class RecordController {

	private final Records records;

	private final CaseAccess access;

	RecordController(Records records, CaseAccess access) {
		this.records = records;
		this.access = access;
	}

	@GetMapping
	List<RecordJson> list(@PathVariable String reference) {
		return this.records.list(caseId(reference)).stream().map(RecordJson::of).toList();
	}

	@PostMapping(consumes = "multipart/form-data")
	ResponseEntity<RecordJson> upload(@PathVariable String reference, HttpServletRequest request) throws IOException {
		CaseId caseId = caseId(reference);
		Map<String, String> fields = new HashMap<>();
		FileItemInputIterator items = new JakartaServletFileUpload<>().getItemIterator(request);
		while (items.hasNext()) {
			FileItemInput item = items.next();
			if (item.isFormField()) {
				try (InputStream in = item.getInputStream()) {
					fields.put(item.getFieldName(),
							new String(in.readNBytes(200), java.nio.charset.StandardCharsets.UTF_8));
				}
			}
			else if ("file".equals(item.getFieldName())) {
				NewRecord meta = new NewRecord(kind(fields.get("kind")), fields.get("language"), item.getName());
				RecordSummary stored;
				try (InputStream in = item.getInputStream()) {
					stored = this.records.upload(caseId, meta, in);
				}
				return ResponseEntity.created(URI.create("/api/v1/cases/" + reference + "/records/" + stored.id()))
					.body(RecordJson.of(stored));
			}
		}
		throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "The request has no part named 'file'.");
	}

	private static RecordKind kind(String value) {
		if (value == null) {
			return null;
		}
		try {
			return RecordKind.valueOf(value.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private CaseId caseId(String reference) {
		return CaseReference.parse(reference)
			.map((parsed) -> this.access.requireRead(parsed).id())
			.orElseThrow(() -> new CaseNotFoundException(reference));
	}

	record RecordJson(UUID id, String kind, String source, String fileName, String mediaType, long size, String sha256,
			Integer pages, Integer imageCount, String modality, LocalDate studyDate, String studyDescription,
			String language, boolean translationNeeded, Instant uploadedAt) {

		static RecordJson of(RecordSummary record) {
			RecordSummary.DicomInfo dicom = record.dicom();
			return new RecordJson(record.id(), record.kind().name(), record.source().name(), record.fileName(),
					record.mediaType(), record.size(), record.sha256(), record.pages(), record.imageCount(),
					(dicom != null) ? dicom.modality() : null, (dicom != null) ? dicom.studyDate() : null,
					(dicom != null) ? dicom.studyDescription() : null, record.language(), record.translationNeeded(),
					record.uploadedAt());
		}

	}

}
