package org.consilium.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.consilium.cases.CaseDetails;
import org.consilium.cases.CaseId;
import org.consilium.cases.CaseSummary;
import org.consilium.cases.Cases;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Cases of the tenant whose host the request came to.
 */
@RestController
@RequestMapping("/api/v1/cases")
class CaseController {

	private final Cases cases;

	CaseController(Cases cases) {
		this.cases = cases;
	}

	@GetMapping
	List<CaseSummaryJson> list() {
		return this.cases.list().stream().map(CaseSummaryJson::of).toList();
	}

	@GetMapping("/{id}")
	CaseJson get(@PathVariable UUID id) {
		return CaseJson.of(this.cases.get(new CaseId(id)));
	}

	record CaseSummaryJson(UUID id, String reference, String status, String specialty, String patientName,
			Instant createdAt) {

		static CaseSummaryJson of(CaseSummary summary) {
			return new CaseSummaryJson(summary.id().value(), summary.reference().value(), summary.status().name(),
					summary.specialty(), summary.patientName(), summary.createdAt());
		}

	}

	record CaseJson(UUID id, String reference, String status, String specialty, String question, String patientName,
			Instant createdAt, Instant updatedAt) {

		static CaseJson of(CaseDetails details) {
			return new CaseJson(details.id().value(), details.reference().value(), details.status().name(),
					details.specialty(), details.question(), details.patientName(), details.createdAt(),
					details.updatedAt());
		}

	}

}
