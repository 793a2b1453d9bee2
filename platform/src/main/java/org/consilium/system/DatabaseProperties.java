package org.consilium.system;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the platform reaches PostgreSQL and, when it may, creates what it needs there.
 *
 * @param bootstrap whether to create the database and roles at start-up if they are
 * missing
 * @param adminUrl JDBC URL of a maintenance database (usually {@code postgres}) for
 * bootstrapping
 * @param adminUser a role allowed to create roles and databases; used only for
 * bootstrapping
 * @param ownerUser the role that owns the schema and runs migrations
 * @param appUser the role the application connects as: not the owner, no BYPASSRLS
 */
@ConfigurationProperties("consilium.db")
public record DatabaseProperties(@DefaultValue("true") boolean bootstrap,
		@DefaultValue("jdbc:postgresql://localhost:5432/postgres") String adminUrl,
		@DefaultValue("postgres") String adminUser, @DefaultValue("") String adminPassword,
		@DefaultValue("consilium") String name, @DefaultValue("consilium_owner") String ownerUser,
		@DefaultValue("consilium_owner") String ownerPassword, @DefaultValue("consilium_app") String appUser,
		@DefaultValue("consilium_app") String appPassword) {

}
