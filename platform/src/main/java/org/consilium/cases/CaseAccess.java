package org.consilium.cases;

/**
 * Who may do what with a case of the current tenant, for the modules that add to a case
 * (records, the local doctor). A case the user may not see is "not found", never
 * "forbidden".
 */
public interface CaseAccess {

	/**
	 * @return the case, if the current user may read it (its patient, its participating
	 * doctor, coordinators and tenant admins)
	 * @throws CaseNotFoundException otherwise
	 */
	CaseSummary requireRead(CaseId id);

	/**
	 * As {@link #requireRead(CaseId)}, by the reference in a page's or API's address.
	 * @throws CaseNotFoundException if there is no such case the user may read
	 */
	CaseSummary requireRead(CaseReference reference);

	/**
	 * @return the case, if the current user may add to it (as for reading, while the case
	 * is open)
	 * @throws CaseNotFoundException if the user may not read it
	 * @throws CaseClosedException if it no longer takes additions
	 */
	CaseSummary requireContribute(CaseId id);

}
