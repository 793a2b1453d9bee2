package org.consilium.system;

import javax.sql.DataSource;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Refuses to start when the application's database role could see past row-level
 * security: a superuser, a role with BYPASSRLS, or the owner of the tenant tables.
 */
class ApplicationRoleCheck implements InitializingBean {

	private final JdbcTemplate jdbc;

	ApplicationRoleCheck(DataSource dataSource) {
		this.jdbc = new JdbcTemplate(dataSource);
	}

	@Override
	public void afterPropertiesSet() {
		var role = this.jdbc.queryForMap(
				"select current_user as name, rolsuper, rolbypassrls from pg_roles where rolname = current_user");
		if (Boolean.TRUE.equals(role.get("rolsuper")) || Boolean.TRUE.equals(role.get("rolbypassrls"))) {
			throw new IllegalStateException("Refusing to start: the application connects as database role '"
					+ role.get("name") + "', which bypasses row-level security. Set spring.datasource.username to "
					+ "a role without SUPERUSER and BYPASSRLS (consilium.db.app-user).");
		}
		Integer owned = this.jdbc.queryForObject(
				"select count(*) from pg_tables where schemaname = current_schema() and tableowner = current_user",
				Integer.class);
		if (owned != null && owned > 0) {
			throw new IllegalStateException("Refusing to start: the application role '" + role.get("name")
					+ "' owns tables; the schema must belong to the migration role (spring.liquibase.user).");
		}
	}

}
