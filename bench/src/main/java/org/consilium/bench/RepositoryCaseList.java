package org.consilium.bench;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;

import org.consilium.tenant.TenantContext;
import org.consilium.tenant.TenantId;

import org.springframework.data.domain.Limit;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The full stack, as the case list runs it: the current tenant set, a transaction from
 * the platform's transaction manager (which sets {@code app.tenant_id}), and the
 * repository query that Hibernate turns into SQL, materialising the entities. Not
 * {@code Cases.list()}: that also appends an audit record, a cost of its own.
 */
final class RepositoryCaseList implements Variant {

	private final String key;

	private final String description;

	private final RoleRoutingDataSource.Role role;

	private final TransactionTemplate transactions;

	private final Object repository;

	private final Method newest;

	private RepositoryCaseList(String key, String description, RoleRoutingDataSource.Role role,
			TransactionTemplate transactions, Object repository, Method newest) {
		this.key = key;
		this.description = description;
		this.role = role;
		this.transactions = transactions;
		this.repository = repository;
		this.newest = newest;
	}

	static RepositoryCaseList as(RoleRoutingDataSource.Role role, String key, String description,
			RunningPlatform platform) {
		try {
			// The repository is internal to the cases module (package-private); the
			// bench calls it by reflection rather than widening the platform's API.
			Class<?> type = Class.forName("org.consilium.cases.internal.MedicalCaseRepository");
			Method newest = type.getMethod("findAllByOrderByCreatedAtDesc", Limit.class);
			newest.setAccessible(true);
			return new RepositoryCaseList(key, description, role,
					new TransactionTemplate(platform.bean(PlatformTransactionManager.class)), platform.bean(type),
					newest);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("The case repository has changed: " + ex.getMessage(), ex);
		}
	}

	@Override
	public String key() {
		return this.key;
	}

	@Override
	public String description() {
		return this.description;
	}

	@Override
	public int newestCases(TenantId tenant, int limit) {
		Integer rows = RoleRoutingDataSource.callAs(this.role, () -> TenantContext.callAs(tenant,
				() -> this.transactions.execute((status) -> invoke(Limit.of(limit)).size())));
		return (rows != null) ? rows : 0;
	}

	private List<?> invoke(Limit limit) {
		try {
			return (List<?>) this.newest.invoke(this.repository, limit);
		}
		catch (InvocationTargetException ex) {
			throw (ex.getCause() instanceof RuntimeException runtime) ? runtime
					: new IllegalStateException(ex.getCause());
		}
		catch (IllegalAccessException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
