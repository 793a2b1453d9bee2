package org.consilium.review.internal;

import java.util.function.Supplier;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The server's own bookkeeping on the assignments of a case the caller is working on,
 * which the caller's row-level limit would hide (decision 015 limits specialists and
 * approvers to their own assignment rows): ending the specialist's review when the
 * approver publishes, and reading the open load of approvers and specialists to route a
 * submitted opinion. Only {@code app.actor_id} is lifted, for the duration of the work
 * and inside the current transaction; the tenant policy stays, and what the work does is
 * decided by this module's code, never by the caller's input (decision 016).
 */
@Component
class ServerSteps {

	private final JdbcTemplate jdbc;

	ServerSteps(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	<T> T call(Supplier<T> work) {
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException("Server steps run inside the caller's transaction");
		}
		String actor = this.jdbc.queryForObject("select coalesce(current_setting('app.actor_id', true), '')",
				String.class);
		set("");
		T result;
		try {
			result = work.get();
		}
		catch (RuntimeException ex) {
			try {
				set(actor);
			}
			catch (RuntimeException restore) {
				// the failed transaction rolls back, and the setting with it
				ex.addSuppressed(restore);
			}
			throw ex;
		}
		set(actor);
		return result;
	}

	void run(Runnable work) {
		call(() -> {
			work.run();
			return null;
		});
	}

	private void set(String actor) {
		this.jdbc.queryForObject("select set_config('app.actor_id', ?, true)", String.class, actor);
	}

}
