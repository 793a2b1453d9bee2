package org.consilium.tenant;

/**
 * What a request's host names: a tenant's site, the operator's site (staff and
 * specialists), the bare host of the installation, or nothing we serve.
 */
public sealed interface Site {

	record TenantSite(Tenant tenant) implements Site {
	}

	record OperatorSite() implements Site {
	}

	record BareSite() implements Site {
	}

	record UnknownSite(String host) implements Site {
	}

}
