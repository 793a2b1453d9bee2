package org.consilium.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.consilium.tenant.TenantId;

/**
 * Fills the migrated schema with tenants and cases in two set-based statements, as a
 * superuser (who is not subject to row-level security), then vacuums and analyzes so the
 * planner knows the data.
 */
final class CaseSeed {

	private static final String CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

	private final int tenants;

	private final int cases;

	CaseSeed(int tenants, int cases) {
		this.tenants = tenants;
		this.cases = cases;
	}

	/** The tenant ids the seed creates, in the format the SQL below produces. */
	List<TenantId> tenantIds() {
		List<TenantId> ids = new ArrayList<>(this.tenants);
		for (int t = 1; t <= this.tenants; t++) {
			ids.add(TenantId.of("bench-" + String.format("%0" + width() + "d", t)));
		}
		return ids;
	}

	void seed(Connection superuser) throws SQLException {
		// Catalog rows only: medical_case references tenant, and nothing references a
		// configuration version, so none is needed (the directory ignores these tenants).
		try (PreparedStatement insert = superuser.prepareStatement("""
				insert into tenant (tenant_id, display_name, current_version)
				select 'bench-' || lpad(t::text, ?, '0'), 'Benchmark tenant ' || t, 1
				from generate_series(1, ?) as t
				""")) {
			insert.setInt(1, width());
			insert.setInt(2, this.tenants);
			insert.executeUpdate();
		}
		// Rows arrive in time order with the tenant drawn by hash, as real cases would:
		// one tenant's newest cases lie on different heap pages, not next to each other.
		try (PreparedStatement insert = superuser.prepareStatement("""
				insert into medical_case (tenant_id, id, reference, status, specialty, question,
				                          patient_id, patient_name, created_at, updated_at, version)
				select 'bench-' || lpad((1 + abs(hashint8(n)::bigint) %% ?)::text, ?, '0'),
				       gen_random_uuid(), %s, 'DRAFT',
				       (array['cardiology', 'oncology', 'orthopaedics', 'neurology', 'gastroenterology'])[1 + n %% 5],
				       'Is the proposed treatment the right next step for me? (request ' || n || ')',
				       'patient-' || n %% 250000, 'Patient ' || n %% 250000,
				       timestamptz '2023-01-01 00:00:00+00' + n * interval '90 seconds',
				       timestamptz '2023-01-01 00:00:00+00' + n * interval '90 seconds', 0
				from generate_series(0::bigint, ?::bigint - 1) as n
				""".formatted(reference("n")))) {
			insert.setInt(1, this.tenants);
			insert.setInt(2, width());
			insert.setInt(3, this.cases);
			insert.executeUpdate();
		}
		try (Statement statement = superuser.createStatement()) {
			statement.execute("vacuum (analyze) tenant");
			statement.execute("vacuum (analyze) medical_case");
		}
	}

	/** Cases per tenant: fewest, average, most. */
	int[] spread(Connection superuser) throws SQLException {
		try (Statement statement = superuser.createStatement(); ResultSet result = statement.executeQuery("""
				select min(n), avg(n)::int, max(n)
				from (select count(*) as n from medical_case group by tenant_id) as per_tenant
				""")) {
			result.next();
			return new int[] { result.getInt(1), result.getInt(2), result.getInt(3) };
		}
	}

	private int width() {
		return Math.max(4, Integer.toString(this.tenants).length());
	}

	/**
	 * A valid, per-tenant unique case reference (C-XXXX-XXXX, Crockford base32) from the
	 * row number: the platform's own references are random, which a set-based insert
	 * could not keep unique.
	 */
	private static String reference(String number) {
		StringBuilder expression = new StringBuilder("'C-'");
		for (int digit = 7; digit >= 0; digit--) {
			if (digit == 3) {
				expression.append(" || '-'");
			}
			expression.append(" || substr('")
				.append(CROCKFORD)
				.append("', ((")
				.append(number)
				.append(" >> ")
				.append(5 * digit)
				.append(") & 31)::int + 1, 1)");
		}
		return expression.toString();
	}

}
