package org.consilium.cases;

import java.util.Map;

/**
 * Something that happened to a case, for its timeline. Any module publishes it (Spring
 * {@code ApplicationEventPublisher}) inside the transaction that made it happen; the
 * cases module records it for the current tenant in the same transaction.
 *
 * @param what a message key under {@code timeline.}, e.g. {@code record-uploaded}
 * @param args the message's arguments by name, shown to the case's readers (no clinical
 * content beyond what they may see anyway)
 */
public record CaseActivity(CaseId caseId, String what, Map<String, String> args) {

	public CaseActivity {
		args = Map.copyOf(args);
	}

	public static CaseActivity of(CaseId caseId, String what) {
		return new CaseActivity(caseId, what, Map.of());
	}

}
