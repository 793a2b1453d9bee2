package org.consilium.cases;

/**
 * Where a case is in its life. Only DRAFT exists yet; the states of ARCHITECTURE.md
 * arrive with the features that move a case into them, all in one state machine.
 */
public enum CaseStatus {

	DRAFT

}
