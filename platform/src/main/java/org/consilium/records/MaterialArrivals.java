package org.consilium.records;

import java.util.UUID;

import org.consilium.cases.CaseId;
import org.consilium.cases.CaseMaterials.MaterialChannel;

import org.springframework.security.access.prepost.PreAuthorize;

/**
 * Staff log materials that reached the operator by e-mail, fax or mail. The arrival goes
 * on the case's timeline; a scan of it, if any, is an ordinary record uploaded by staff;
 * the materials-list item it answers, if any, is ticked off.
 */
public interface MaterialArrivals {

	/**
	 * @param materialId the materials-list item it answers, or null
	 * @param recordId the record holding its scan, or null
	 * @throws IllegalArgumentException if the description is empty or over 300
	 * characters, or the channel is not e-mail, fax or mail
	 */
	@PreAuthorize("hasAnyRole('CASE_COORDINATOR', 'TENANT_ADMIN')")
	void logArrival(CaseId caseId, MaterialChannel channel, String description, UUID materialId, UUID recordId);

}
