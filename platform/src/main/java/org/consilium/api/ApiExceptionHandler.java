package org.consilium.api;

import java.net.URI;

import org.apache.commons.fileupload2.core.FileUploadException;
import org.consilium.cases.CaseClosedException;
import org.consilium.cases.CaseNotFoundException;
import org.consilium.cases.InvalidCaseException;
import org.consilium.records.RecordNotFoundException;
import org.consilium.records.RecordRejectedException;
import org.consilium.tenant.NoTenantException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Translates domain exceptions into RFC 9457 problem details. Not found is not found: the
 * body never says whether the case exists in another tenant.
 */
@RestControllerAdvice(basePackageClasses = ApiExceptionHandler.class)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	private static final String TYPES = "https://consilium.example/problems/";

	@ExceptionHandler(CaseNotFoundException.class)
	ProblemDetail caseNotFound(CaseNotFoundException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No such case.");
		problem.setType(URI.create(TYPES + "case-not-found"));
		problem.setTitle("Case not found");
		return problem;
	}

	@ExceptionHandler(NoTenantException.class)
	ProblemDetail noTenant(NoTenantException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
				"This API is served on a programme's own host.");
		problem.setType(URI.create(TYPES + "no-programme"));
		problem.setTitle("No programme at this address");
		return problem;
	}

	@ExceptionHandler(RecordNotFoundException.class)
	ProblemDetail recordNotFound(RecordNotFoundException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No such record.");
		problem.setType(URI.create(TYPES + "record-not-found"));
		problem.setTitle("Record not found");
		return problem;
	}

	/**
	 * Over the size cap or the case quota: 413, sent as soon as the limit is passed (the
	 * rest of the upload is not read).
	 */
	@ExceptionHandler(RecordRejectedException.class)
	ProblemDetail recordRejected(RecordRejectedException ex) {
		boolean tooLarge = ex.reason() == RecordRejectedException.Reason.TOO_LARGE
				|| ex.reason() == RecordRejectedException.Reason.QUOTA_EXCEEDED;
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(
				tooLarge ? HttpStatus.PAYLOAD_TOO_LARGE : HttpStatus.UNPROCESSABLE_ENTITY, ex.getMessage());
		problem.setType(URI.create(TYPES + "record-refused"));
		problem.setTitle(tooLarge ? "Record too large" : "Record refused");
		problem.setProperty("code", ex.reason().name());
		return problem;
	}

	@ExceptionHandler(CaseClosedException.class)
	ProblemDetail caseClosed(CaseClosedException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
				"The case is closed and takes no more records.");
		problem.setType(URI.create(TYPES + "case-closed"));
		problem.setTitle("Case closed");
		return problem;
	}

	@ExceptionHandler(FileUploadException.class)
	ProblemDetail badUpload(FileUploadException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"The multipart request could not be read.");
		problem.setType(URI.create(TYPES + "bad-upload"));
		problem.setTitle("Bad upload");
		return problem;
	}

	@ExceptionHandler(InvalidCaseException.class)
	ProblemDetail invalidCase(InvalidCaseException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY,
				"The field '" + ex.field() + "' is not valid.");
		problem.setType(URI.create(TYPES + "invalid-case"));
		problem.setTitle("Invalid case request");
		problem.setProperty("field", ex.field());
		problem.setProperty("code", ex.messageKey());
		return problem;
	}

}
