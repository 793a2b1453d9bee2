package org.consilium.cases;

import java.util.List;

/**
 * The case cannot go that way from where it is (e.g. submitting a case twice, approving
 * an opinion whose re-reads are not done). Carries what a page needs to say why.
 */
public class IllegalCaseTransitionException extends RuntimeException {

	private final CaseStatus from;

	private final CaseEvent event;

	private final List<String> pending;

	public IllegalCaseTransitionException(CaseStatus from, CaseEvent event) {
		this(from, event, List.of());
	}

	/**
	 * @param pending message keys of the work that must be done first (empty when the
	 * status alone forbids the event)
	 */
	public IllegalCaseTransitionException(CaseStatus from, CaseEvent event, List<String> pending) {
		super("A case cannot " + event + " when it is " + from + (pending.isEmpty() ? "" : "; first: " + pending));
		this.from = from;
		this.event = event;
		this.pending = List.copyOf(pending);
	}

	public CaseStatus from() {
		return this.from;
	}

	public CaseEvent event() {
		return this.event;
	}

	public List<String> pending() {
		return this.pending;
	}

}
