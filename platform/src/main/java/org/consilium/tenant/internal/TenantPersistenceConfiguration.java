package org.consilium.tenant.internal;

import java.sql.PreparedStatement;
import java.sql.SQLException;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.consilium.tenant.DatabaseActor;
import org.consilium.tenant.TenancyProperties;
import org.consilium.tenant.TenantContext;
import org.consilium.tenant.TenantId;
import org.hibernate.Session;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.context.spi.CurrentTenantIdentifierResolver;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.orm.jpa.HibernatePropertiesCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.task.TaskDecorator;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.orm.jpa.vendor.HibernateJpaDialect;
import org.springframework.transaction.TransactionDefinition;

/**
 * Makes the database see the same tenant as Hibernate. Every transaction starts by
 * setting {@code app.tenant_id} with a bind parameter, transaction-local
 * ({@code is_local = true}), so it vanishes at commit or rollback and a pooled connection
 * never carries a tenant over. Row-level security policies read it. A transaction without
 * a current tenant is refused before it begins. See
 * docs/decisions/002-row-level-security.md.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TenancyProperties.class)
class TenantPersistenceConfiguration {

	@Bean
	HibernatePropertiesCustomizer tenantIdentifierResolver() {
		return (properties) -> properties.put(AvailableSettings.MULTI_TENANT_IDENTIFIER_RESOLVER,
				new ContextTenantResolver());
	}

	@Bean
	@Primary
	JpaTransactionManager transactionManager(EntityManagerFactory entityManagerFactory,
			ObjectProvider<DatabaseActor> actor) {
		return new TenantTransactionManager(entityManagerFactory, actor);
	}

	/** Async work carries the tenant of the code that scheduled it, explicitly. */
	@Bean
	TaskDecorator tenantPropagatingTaskDecorator() {
		return (task) -> TenantContext.find().map((tenant) -> TenantContext.propagate(task)).orElse(task);
	}

	/**
	 * Hibernate opens sessions outside any tenant too (Spring Data builds its queries at
	 * start-up). Such a session gets a tenant id no row has: it reads nothing and cannot
	 * write (row-level security rejects the row), and no transaction can begin in it.
	 */
	static final class ContextTenantResolver implements CurrentTenantIdentifierResolver<String> {

		static final String NO_TENANT = "_none";

		@Override
		public String resolveCurrentTenantIdentifier() {
			return TenantContext.find().map(TenantId::value).orElse(NO_TENANT);
		}

		@Override
		public boolean validateExistingCurrentSessions() {
			return true;
		}

	}

	static final class TenantTransactionManager extends JpaTransactionManager {

		private final ObjectProvider<DatabaseActor> actor;

		TenantTransactionManager(EntityManagerFactory entityManagerFactory, ObjectProvider<DatabaseActor> actor) {
			super(entityManagerFactory);
			this.actor = actor;
			setJpaDialect(new RowLevelSecurityDialect(actor));
		}

		@Override
		public void afterPropertiesSet() {
			super.afterPropertiesSet();
			// The superclass adopts the factory's dialect here; the tenant-setting one
			// must win.
			setJpaDialect(new RowLevelSecurityDialect(this.actor));
		}

		@Override
		protected void doBegin(Object transaction, TransactionDefinition definition) {
			TenantContext.current(); // fail closed before anything is opened
			super.doBegin(transaction, definition);
		}

	}

	static final class RowLevelSecurityDialect extends HibernateJpaDialect {

		private final ObjectProvider<DatabaseActor> actor;

		RowLevelSecurityDialect(ObjectProvider<DatabaseActor> actor) {
			this.actor = actor;
		}

		@Override
		public Object beginTransaction(EntityManager entityManager, TransactionDefinition definition)
				throws SQLException {
			TenantId tenant = TenantContext.current();
			DatabaseActor databaseActor = this.actor.getIfAvailable();
			String limitedTo = (databaseActor != null) ? databaseActor.limitedTo().orElse("") : "";
			Object transactionData = super.beginTransaction(entityManager, definition);
			entityManager.unwrap(Session.class).doWork((connection) -> {
				try (PreparedStatement statement = connection.prepareStatement(
						"select set_config('app.tenant_id', ?, true), set_config('app.actor_id', ?, true)")) {
					statement.setString(1, tenant.value());
					statement.setString(2, limitedTo);
					statement.execute();
				}
			});
			return transactionData;
		}

	}

}
