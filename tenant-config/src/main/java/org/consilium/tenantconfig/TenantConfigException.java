package org.consilium.tenantconfig;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown when one or more tenant files are invalid. The message lists every problem, one
 * per line.
 */
public class TenantConfigException extends RuntimeException {

	private final transient List<ConfigProblem> problems;

	public TenantConfigException(List<ConfigProblem> problems) {
		super(problems.stream().map(ConfigProblem::describe).collect(Collectors.joining("\n")));
		this.problems = List.copyOf(problems);
	}

	public List<ConfigProblem> problems() {
		return this.problems;
	}

	@Override
	public synchronized Throwable fillInStackTrace() {
		// A configuration error is the author's to fix; a stack trace only hides the
		// message.
		return this;
	}

}
