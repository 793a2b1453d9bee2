package org.consilium.system;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The application's connection pool, created only after the database and roles exist.
 * Liquibase builds its own connection as the owner role from
 * {@code spring.liquibase.user}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DatabaseProperties.class)
class DatabaseConfiguration {

	@Bean
	@ConfigurationProperties("spring.datasource.hikari")
	HikariDataSource dataSource(DataSourceProperties dataSource, DatabaseProperties database) {
		if (database.bootstrap()) {
			new DatabaseBootstrap(database).run();
		}
		return dataSource.initializeDataSourceBuilder().type(HikariDataSource.class).build();
	}

	@Bean
	ApplicationRoleCheck applicationRoleCheck(javax.sql.DataSource dataSource) {
		return new ApplicationRoleCheck(dataSource);
	}

}
