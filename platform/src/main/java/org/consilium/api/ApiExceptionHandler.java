package org.consilium.api;

import java.net.URI;

import org.consilium.cases.CaseNotFoundException;
import org.consilium.cases.InvalidCaseException;
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
