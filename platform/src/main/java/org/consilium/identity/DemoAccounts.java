package org.consilium.identity;

import java.util.List;

import org.consilium.tenant.Tenant;
import org.consilium.tenant.TenantId;

/**
 * The development-only demo users (present only in the {@code dev} profile), so that demo
 * data and the README can refer to them.
 */
public interface DemoAccounts {

	/**
	 * The programmes that get demo users and demo data: those created from the tenant
	 * files. A programme a platform admin created gets none (no known password on it).
	 */
	List<Tenant> programmes();

	/** The demo users of a tenant's site, or of the operator site when tenant is null. */
	List<ConsiliumUser> usersOf(TenantId tenant);

	/** The one password of all demo users (from configuration). */
	String password();

	/** The development TOTP secret of all demo staff accounts (base32). */
	String totpSecret();

}
