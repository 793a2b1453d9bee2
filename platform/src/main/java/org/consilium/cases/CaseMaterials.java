package org.consilium.cases;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The materials list of a case: what records and images will come, and how. The local
 * doctor declares it; staff tick items off as they arrive; the patient and the doctor see
 * what is still missing.
 */
public interface CaseMaterials {

	/**
	 * The list, in the order declared.
	 * @throws CaseNotFoundException if the current user may not read the case
	 */
	List<Material> list(CaseId id);

	/**
	 * Adds items to the list (doctor or patient). Each is recorded with its declarer and
	 * appears on the case's timeline.
	 * @throws CaseNotFoundException if the current user may not read the case
	 * @throws CaseClosedException if the case no longer takes additions
	 * @throws InvalidCaseException if an item has no description or one over 300
	 * characters
	 */
	List<Material> declare(CaseId id, List<DeclaredMaterial> items);

	/**
	 * Removes an item its declarer no longer expects (not once it has arrived).
	 */
	void withdraw(CaseId id, UUID materialId);

	/**
	 * Staff (case coordinators): the item has arrived. Idempotent.
	 * @param note free text, e.g. "fax of 12 pages, scanned"
	 * @param recordId the stored record holding it, if it was scanned or uploaded
	 */
	Material markReceived(CaseId id, UUID materialId, String note, UUID recordId);

	/** Something to come. */
	record DeclaredMaterial(String description, MaterialKind kind, MaterialChannel channel) {
	}

	/** An item of the list and whether it has arrived. */
	record Material(UUID id, String description, MaterialKind kind, MaterialChannel channel, String declaredBy,
			Instant declaredAt, Instant receivedAt, String receivedBy, String note, UUID recordId) {

		public boolean received() {
			return this.receivedAt != null;
		}

	}

	/** What the material is. */
	enum MaterialKind {

		MEDICAL_RECORD, PATHOLOGY, RADIOLOGY

	}

	/** How it reaches the operator. */
	enum MaterialChannel {

		UPLOAD, EMAIL, FAX, MAIL

	}

}
