package org.consilium.bench;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

/**
 * Puts the benchmark's JVM and its server processes on one CPU. On a small virtual
 * machine a round trip costs tens of microseconds more when the woken process sits on the
 * other, idle, CPU; which process lands where is luck that lasts for the process's life,
 * and it moved the two roles' pools apart by up to 100 µs in unpinned runs, with no
 * policy involved (the A/A control). On one CPU every round trip is the same context
 * switch. Linux only ({@code taskset}); off when the CPU is negative.
 */
final class CpuPinning {

	private final int cpu;

	CpuPinning(int cpu) {
		this.cpu = cpu;
	}

	boolean enabled() {
		return this.cpu >= 0;
	}

	/** All threads of this JVM, including the ones started later. */
	void pinThisJvm() {
		if (enabled()) {
			taskset("-a", ProcessHandle.current().pid());
		}
	}

	/** Every connection the pool holds now: borrows them all at once to reach each. */
	void pinServerProcesses(DataSource pool, int connections) {
		if (!enabled()) {
			return;
		}
		List<Connection> borrowed = new ArrayList<>();
		try {
			for (int i = 0; i < connections; i++) {
				borrowed.add(pool.getConnection());
			}
			for (Connection connection : borrowed) {
				try (Statement statement = connection.createStatement();
						ResultSet result = statement.executeQuery("select pg_backend_pid()")) {
					result.next();
					taskset(null, result.getLong(1));
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot pin the server processes: " + ex.getMessage(), ex);
		}
		finally {
			for (Connection connection : borrowed) {
				try {
					connection.close();
				}
				catch (SQLException ex) {
					// Returned to the pool or broken; the pool deals with either.
				}
			}
		}
	}

	private void taskset(String option, long pid) {
		List<String> command = new ArrayList<>(List.of("taskset"));
		if (option != null) {
			command.add(option);
		}
		command.addAll(List.of("-cp", Integer.toString(this.cpu), Long.toString(pid)));
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes());
			if (process.waitFor() != 0) {
				throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot run taskset (set -Dbench.pin-cpu=-1 to run unpinned)", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
