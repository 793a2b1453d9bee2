package org.consilium.tenant.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.consilium.support.IntegrationTest;
import org.consilium.support.TestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Guards the schema rules for every table, including those added later: each table with a
 * tenant_id column (apart from the tenant catalog) has row-level security enabled and
 * forced, tenant_id first in its primary key and in every index; and the application's
 * role can neither bypass row-level security nor own anything.
 */
@IntegrationTest
class DatabaseSchemaIT {

	/**
	 * Platform tables that name tenants but hold no tenant data: the catalog (read before
	 * a tenant is known) and the outbox's cross-tenant work list (ids and due times
	 * only).
	 */
	static final Set<String> CATALOG = Set.of("tenant", "tenant_config_version", "tenant_asset", "outbox_queue",
			"specialist", "specialist_pool", "specialist_pool_member", "specialist_absence");

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void every_tenant_table_has_row_level_security_enabled_and_forced() {
		List<Map<String, Object>> tables = tenantTables();
		assertThat(tables).extracting((t) -> t.get("relname")).contains("medical_case", "audit_event");
		for (Map<String, Object> table : tables) {
			assertThat(table.get("relrowsecurity")).as("RLS enabled on %s", table.get("relname")).isEqualTo(true);
			assertThat(table.get("relforcerowsecurity")).as("RLS forced on %s", table.get("relname")).isEqualTo(true);
			Integer policies = admin().queryForObject(
					"select count(*) from pg_policies where tablename = ? and qual like '%app.tenant_id%'",
					Integer.class, table.get("relname"));
			assertThat(policies).as("tenant policy on %s", table.get("relname")).isPositive();
		}
	}

	/**
	 * Decision 015: every table of case data, including future ones, limits specialists
	 * and approvers to the cases assigned to them.
	 */
	@Test
	void every_table_of_case_data_has_the_restrictive_assignment_policy() {
		List<String> caseTables = admin().queryForList("""
				select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
				where n.nspname = 'public' and c.relkind = 'r'
				  and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'case_id')
				  and c.relname <> 'case_assignment'""", String.class);
		assertThat(caseTables).contains("case_record", "opinion_version", "case_timeline");
		caseTables = new java.util.ArrayList<>(caseTables);
		caseTables.add("medical_case");
		for (String table : caseTables) {
			Integer restrictive = admin().queryForObject("""
					select count(*) from pg_policies where tablename = ? and permissive = 'RESTRICTIVE'
					  and qual like '%consilium_case_visible%'""", Integer.class, table);
			assertThat(restrictive).as("assignment policy on %s", table).isOne();
		}
	}

	@Test
	void tenant_id_leads_every_primary_key_and_index_of_tenant_tables() {
		for (Map<String, Object> table : tenantTables()) {
			List<Map<String, Object>> indexes = admin().queryForList("""
					select i.relname as index_name, ix.indisprimary as primary_key, a.attname as first_column
					from pg_index ix
					join pg_class t on t.oid = ix.indrelid
					join pg_class i on i.oid = ix.indexrelid
					join pg_attribute a on a.attrelid = t.oid and a.attnum = ix.indkey[0]
					where t.relname = ?""", table.get("relname"));
			assertThat(indexes).as("indexes of %s", table.get("relname"))
				.anyMatch((i) -> (Boolean) i.get("primary_key"));
			for (Map<String, Object> index : indexes) {
				assertThat(index.get("first_column")).as("first column of %s", index.get("index_name"))
					.isEqualTo("tenant_id");
			}
		}
	}

	@Test
	void the_application_role_cannot_bypass_row_level_security_nor_own_tables() {
		Map<String, Object> role = this.jdbc.queryForMap(
				"select current_user as name, rolsuper, rolbypassrls from pg_roles where rolname = current_user");
		assertThat(role.get("name")).isEqualTo("consilium_app");
		assertThat(role.get("rolsuper")).isEqualTo(false);
		assertThat(role.get("rolbypassrls")).isEqualTo(false);
		assertThat(this.jdbc.queryForObject(
				"select count(*) from pg_tables where schemaname = 'public' and tableowner = current_user",
				Integer.class))
			.isZero();
		assertThat(this.jdbc.queryForObject("select tableowner from pg_tables where tablename = 'medical_case'",
				String.class))
			.isEqualTo("consilium_owner");
	}

	private List<Map<String, Object>> tenantTables() {
		return admin().queryForList("""
				select c.relname, c.relrowsecurity, c.relforcerowsecurity
				from pg_class c join pg_namespace n on n.oid = c.relnamespace
				where n.nspname = 'public' and c.relkind = 'r'
				  and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id')
				  and c.relname not like 'databasechangelog%'""")
			.stream()
			.filter((table) -> !CATALOG.contains((String) table.get("relname")))
			.toList();
	}

	private JdbcTemplate admin() {
		return TestDatabase.get().adminJdbc();
	}

}
