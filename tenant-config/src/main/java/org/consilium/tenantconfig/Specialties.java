package org.consilium.tenantconfig;

import java.util.List;

/**
 * The specialty codes the operator's specialist pools cover. Tenants offer a subset.
 */
public final class Specialties {

	public static final List<String> CATALOG = List.of("cardiology", "dermatology", "endocrinology", "gastroenterology",
			"hematology", "nephrology", "neurology", "neurosurgery", "oncology", "orthopedics", "pathology",
			"pediatrics", "pulmonology", "radiology", "rheumatology", "urology");

	private Specialties() {
	}

	public static boolean isKnown(String code) {
		return CATALOG.contains(code);
	}

}
