package org.consilium.shell;

import java.util.ArrayList;
import java.util.List;

import org.consilium.tenantconfig.Identity;
import org.consilium.tenantconfig.TenantConfig;
import org.consilium.tenantconfig.Workflow;

/**
 * The steps of a tenant's process, generated from its workflow variant, for its landing
 * page. Each step is a message key ({@code howitworks.<key>.title} and {@code .text}) and
 * its arguments; a step the variant skips is simply absent.
 */
public final class HowItWorks {

	private HowItWorks() {
	}

	public static List<Step> steps(TenantConfig config) {
		Workflow workflow = config.workflow();
		Identity identity = config.identity();
		List<Step> steps = new ArrayList<>();
		if (identity.hasSso() && !identity.localAccounts()) {
			steps.add(new Step("account-sso", identity.samlProviders().get(0).displayName()));
		}
		else if (identity.hasSso()) {
			steps.add(new Step("account-either", identity.samlProviders().get(0).displayName()));
		}
		else {
			steps.add(new Step("account-local"));
		}
		switch (workflow.eligibility()) {
			case CENSUS -> steps.add(new Step("eligibility-census", config.displayName()));
			case SSO_ATTRIBUTE -> steps.add(new Step("eligibility-sso"));
			case NONE -> {
			}
		}
		steps.add(new Step("request"));
		switch (workflow.doctorParticipation()) {
			case REQUIRED -> steps.add(new Step("doctor-required"));
			case OPTIONAL -> steps.add(new Step("doctor-optional"));
			case SKIPPED -> {
			}
		}
		steps.add(new Step(workflow.recordsRetrievalPartner() ? "records-with-retrieval" : "records"));
		steps.add(new Step("triage"));
		steps.add(new Step(
				workflow.approval() == Workflow.Approval.SECOND_READER ? "review-second-reader" : "review-staff",
				workflow.turnaroundDays()));
		if (workflow.doctorParticipation() == Workflow.DoctorParticipation.SKIPPED) {
			steps.add(new Step("delivery-patient"));
		}
		else if (workflow.delivery() == Workflow.Delivery.DOCTOR_FIRST) {
			steps.add(new Step("delivery-doctor-first"));
		}
		else {
			steps.add(new Step("delivery-together"));
		}
		return List.copyOf(steps);
	}

	/** One step: the message key suffix and the arguments of its text. */
	public record Step(String key, Object... args) {

		public String titleKey() {
			return "howitworks." + this.key + ".title";
		}

		public String textKey() {
			return "howitworks." + this.key + ".text";
		}

	}

}
