package org.consilium.tenantconfig;

/**
 * One thing wrong with a tenant file, said so that its author can fix it without a
 * debugger.
 *
 * @param source the file, e.g. {@code tenants/acme.yaml}
 * @param path where in the file, e.g. {@code workflow.turnaroundDays}; empty for the
 * whole file
 * @param line 1-based line number, or 0 when unknown
 */
public record ConfigProblem(String source, String path, String reason, int line) {

	@Override
	public String toString() {
		return this.path.isEmpty() ? this.source + ": " + this.reason
				: this.source + ": " + this.path + ": " + this.reason;
	}

	/** The message with the line number, for logs and consoles. */
	public String describe() {
		return (this.line > 0) ? toString() + " (line " + this.line + ")" : toString();
	}

}
