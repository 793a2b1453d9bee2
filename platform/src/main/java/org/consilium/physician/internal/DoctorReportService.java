package org.consilium.physician.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.consilium.audit.AuditEntry;
import org.consilium.audit.AuditLog;
import org.consilium.cases.CaseMaterials;
import org.consilium.cases.CaseMaterials.DeclaredMaterial;
import org.consilium.cases.CaseNotFoundException;
import org.consilium.cases.CasePhysicians;
import org.consilium.identity.CurrentUser;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The doctor's part of a case: history, working diagnosis, questions and the materials
 * list. Saved as the doctor goes; "complete" checks everything, declares the materials
 * and lets the case move on, all in one transaction (after the case is looked up in one
 * of its own, see {@link DoctorCases}).
 */
@Service
public class DoctorReportService {

	static final int MAX_TEXT = 8000;

	static final int MAX_QUESTION = 1000;

	static final int MAX_QUESTIONS = 5;

	static final int MAX_DESCRIPTION = 300;

	private final DoctorCases doctorCases;

	private final PhysicianReportRepository reports;

	private final CaseMaterials materials;

	private final CasePhysicians physicians;

	private final AuditLog audit;

	private final Clock clock;

	private final TransactionTemplate transactions;

	DoctorReportService(DoctorCases doctorCases, PhysicianReportRepository reports, CaseMaterials materials,
			CasePhysicians physicians, AuditLog audit, Clock clock, PlatformTransactionManager transactionManager) {
		this.transactions = new TransactionTemplate(transactionManager);
		this.doctorCases = doctorCases;
		this.reports = reports;
		this.materials = materials;
		this.physicians = physicians;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * The doctor's part so far (empty if nothing saved), for whoever may see the case.
	 */
	public Optional<DoctorReport> report(String caseReference) {
		return this.doctorCases.find(caseReference)
			.map((c) -> this.transactions.execute((tx) -> this.reports.findById(c.id().value())
				.map(PhysicianReport::view)
				.orElse(DoctorReport.empty())));
	}

	/**
	 * Saves what the doctor has written so far; checks sizes only.
	 * @return problems per field (message keys)
	 */
	@PreAuthorize("hasRole('REFERRING_PHYSICIAN')")
	public Map<String, List<String>> save(String caseReference, String history, String diagnosis,
			List<String> questions) {
		DoctorCase medicalCase = ownCase(caseReference);
		return this.transactions.execute((tx) -> saveDraft(medicalCase, history, diagnosis, questions));
	}

	private Map<String, List<String>> saveDraft(DoctorCase medicalCase, String history, String diagnosis,
			List<String> questions) {
		List<String> cleanQuestions = clean(questions);
		Map<String, List<String>> problems = sizeProblems(strip(history), strip(diagnosis), cleanQuestions);
		PhysicianReport report = editable(medicalCase, problems);
		if (!problems.isEmpty()) {
			return problems;
		}
		report.edit(strip(history), strip(diagnosis), cleanQuestions, this.clock.instant());
		this.reports.save(report);
		return Map.of();
	}

	/**
	 * Completes the doctor's part: history and diagnosis required, at least one item to
	 * come. Declares the materials and tells the case.
	 * @return problems per field (message keys; a material's are
	 * {@code material.<index>.description}); empty when done, and nothing is stored
	 * otherwise
	 */
	@PreAuthorize("hasRole('REFERRING_PHYSICIAN')")
	public Map<String, List<String>> complete(String caseReference, String history, String diagnosis,
			List<String> questions, List<DeclaredMaterial> items) {
		DoctorCase medicalCase = ownCase(caseReference);
		return this.transactions.execute((tx) -> completeFor(medicalCase, history, diagnosis, questions, items, tx));
	}

	private Map<String, List<String>> completeFor(DoctorCase medicalCase, String history, String diagnosis,
			List<String> questions, List<DeclaredMaterial> items, TransactionStatus tx) {
		List<String> cleanQuestions = clean(questions);
		String cleanHistory = strip(history);
		String cleanDiagnosis = strip(diagnosis);
		Map<String, List<String>> problems = sizeProblems(cleanHistory, cleanDiagnosis, cleanQuestions);
		if (cleanHistory.isEmpty()) {
			problems.put("history", List.of("physician.error.history"));
		}
		if (cleanDiagnosis.isEmpty()) {
			problems.put("diagnosis", List.of("physician.error.diagnosis"));
		}
		List<DeclaredMaterial> declared = new ArrayList<>();
		for (int i = 0; i < items.size(); i++) {
			DeclaredMaterial item = items.get(i);
			String description = strip(item.description());
			if (description.isEmpty() && item.kind() == null && item.channel() == null) {
				continue;
			}
			if (description.isEmpty()) {
				problems.put("material." + i + ".description", List.of("materials.error.description"));
			}
			else if (description.length() > MAX_DESCRIPTION) {
				problems.put("material." + i + ".description", List.of("materials.error.description-length"));
			}
			if (item.kind() == null || item.channel() == null) {
				problems.put("material." + i + ".kind", List.of("materials.error.kind"));
			}
			declared.add(new DeclaredMaterial(description, item.kind(), item.channel()));
		}
		if (declared.isEmpty()) {
			problems.put("materials", List.of("materials.error.empty"));
		}
		PhysicianReport report = editable(medicalCase, problems);
		if (!problems.isEmpty()) {
			return problems;
		}
		report.edit(cleanHistory, cleanDiagnosis, cleanQuestions, this.clock.instant());
		report.complete(this.clock.instant());
		this.reports.save(report);
		try {
			this.materials.declare(medicalCase.id(), declared);
		}
		catch (org.consilium.cases.InvalidCaseException ex) {
			tx.setRollbackOnly();
			return Map.of("materials", List.of(ex.messageKey()));
		}
		this.physicians.physicianCompleted(medicalCase.id());
		this.audit.record(AuditEntry.of("PHYSICIAN_REPORT_COMPLETED").subject("case", medicalCase.id()));
		return Map.of();
	}

	private PhysicianReport editable(DoctorCase medicalCase, Map<String, List<String>> problems) {
		PhysicianReport report = this.reports.findById(medicalCase.id().value())
			.orElseGet(() -> new PhysicianReport(medicalCase.id().value(), CurrentUser.require().id(),
					this.clock.instant()));
		if (report.completed()) {
			problems.put("form", List.of("physician.error.completed"));
		}
		else if (!medicalCase.status().isOpen()) {
			problems.put("form", List.of("physician.error.case-closed"));
		}
		return report;
	}

	private DoctorCase ownCase(String caseReference) {
		return this.doctorCases.find(caseReference)
			.filter(DoctorCase::asDoctor)
			.orElseThrow(() -> new CaseNotFoundException(caseReference));
	}

	private static Map<String, List<String>> sizeProblems(String history, String diagnosis, List<String> questions) {
		Map<String, List<String>> problems = new LinkedHashMap<>();
		if (history.length() > MAX_TEXT) {
			problems.put("history", List.of("physician.error.too-long"));
		}
		if (diagnosis.length() > MAX_TEXT) {
			problems.put("diagnosis", List.of("physician.error.too-long"));
		}
		if (questions.size() > MAX_QUESTIONS) {
			problems.put("questions", List.of("physician.error.too-many-questions"));
		}
		for (int i = 0; i < questions.size(); i++) {
			if (questions.get(i).length() > MAX_QUESTION) {
				problems.put("question." + i, List.of("physician.error.too-long"));
			}
		}
		return problems;
	}

	private static List<String> clean(List<String> questions) {
		return (questions == null) ? List.of()
				: questions.stream().map(DoctorReportService::strip).filter((q) -> !q.isEmpty()).toList();
	}

	private static String strip(String text) {
		return (text != null) ? text.strip() : "";
	}

}
