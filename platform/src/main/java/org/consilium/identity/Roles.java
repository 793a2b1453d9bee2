package org.consilium.identity;

/**
 * Role names as Spring Security expects them in annotations ({@code @RolesAllowed},
 * {@code hasRole}), kept in one place.
 */
public final class Roles {

	public static final String PATIENT = "PATIENT";

	public static final String REFERRING_PHYSICIAN = "REFERRING_PHYSICIAN";

	public static final String CASE_COORDINATOR = "CASE_COORDINATOR";

	public static final String TENANT_ADMIN = "TENANT_ADMIN";

	public static final String TRIAGE = "TRIAGE";

	public static final String SPECIALIST = "SPECIALIST";

	public static final String APPROVER = "APPROVER";

	public static final String PLATFORM_ADMIN = "PLATFORM_ADMIN";

	private Roles() {
	}

}
