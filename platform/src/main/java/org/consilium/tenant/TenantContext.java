package org.consilium.tenant;

import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * The one holder of the current tenant. Set by the request filter from the host, and
 * explicitly by code that runs on behalf of a tenant elsewhere (jobs, events, async
 * work). Always restored in {@code finally}; never defaults to a tenant.
 */
public final class TenantContext {

	private static final ThreadLocal<TenantId> CURRENT = new ThreadLocal<>();

	private TenantContext() {
	}

	/**
	 * The current tenant.
	 * @throws NoTenantException if none is set
	 */
	public static TenantId current() {
		TenantId tenant = CURRENT.get();
		if (tenant == null) {
			throw new NoTenantException();
		}
		return tenant;
	}

	public static Optional<TenantId> find() {
		return Optional.ofNullable(CURRENT.get());
	}

	/**
	 * Runs work as the given tenant, restoring whatever was set before, even on failure.
	 */
	public static <T> T callAs(TenantId tenant, Supplier<T> work) {
		try (Scope scope = enter(tenant)) {
			return work.get();
		}
	}

	public static void runAs(TenantId tenant, Runnable work) {
		try (Scope scope = enter(tenant)) {
			work.run();
		}
	}

	/**
	 * Wraps a task so that it runs as the tenant current now, on whichever thread runs
	 * it.
	 * @throws NoTenantException if no tenant is current: handing tenant-less work to
	 * another thread is a bug, not a default
	 */
	public static Runnable propagate(Runnable task) {
		TenantId tenant = current();
		return () -> runAs(tenant, task);
	}

	public static <T> Callable<T> propagate(Callable<T> task) {
		TenantId tenant = current();
		return () -> {
			try (Scope scope = enter(tenant)) {
				return task.call();
			}
		};
	}

	/**
	 * Sets the tenant until the returned scope is closed; use with try-with-resources.
	 */
	public static Scope enter(TenantId tenant) {
		if (tenant == null) {
			throw new IllegalArgumentException("tenant must not be null");
		}
		TenantId previous = CURRENT.get();
		CURRENT.set(tenant);
		return new Scope(previous);
	}

	/** Restores the previous tenant (or none) when closed. */
	public static final class Scope implements AutoCloseable {

		private final TenantId previous;

		private boolean closed;

		private Scope(TenantId previous) {
			this.previous = previous;
		}

		@Override
		public void close() {
			if (this.closed) {
				return;
			}
			this.closed = true;
			if (this.previous == null) {
				CURRENT.remove();
			}
			else {
				CURRENT.set(this.previous);
			}
		}

	}

}
