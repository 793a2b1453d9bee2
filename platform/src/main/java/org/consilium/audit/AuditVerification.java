package org.consilium.audit;

/**
 * The result of checking one partition's chain.
 *
 * @param checked how many rows were checked
 * @param brokenAtSeq the first sequence number that does not fit, or -1 when intact
 * @param problem what is wrong there, or null when intact
 */
public record AuditVerification(boolean intact, long checked, long brokenAtSeq, String problem) {

	public static AuditVerification ok(long checked) {
		return new AuditVerification(true, checked, -1, null);
	}

	public static AuditVerification broken(long checked, long seq, String problem) {
		return new AuditVerification(false, checked, seq, problem);
	}

}
