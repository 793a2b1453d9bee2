package org.consilium.cases.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.consilium.cases.CaseAccess;
import org.consilium.cases.CaseActivity;
import org.consilium.cases.CaseId;
import org.consilium.cases.CaseMaterials;
import org.consilium.cases.CaseNotFoundException;
import org.consilium.cases.InvalidCaseException;
import org.consilium.identity.ConsiliumUser;
import org.consilium.identity.CurrentUser;
import org.consilium.tenantconfig.Role;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The materials list, with the case access rules of {@link CaseAccess}: whoever may read
 * a case sees its list; whoever may add to it declares items; case coordinators mark them
 * received.
 */
@Service
@Transactional
class CaseMaterialService implements CaseMaterials {

	static final int MAX_DESCRIPTION = 300;

	static final int MAX_NOTE = 500;

	static final int MAX_ITEMS = 50;

	private final CaseAccess access;

	private final CaseMaterialRepository materials;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	CaseMaterialService(CaseAccess access, CaseMaterialRepository materials, ApplicationEventPublisher events,
			Clock clock) {
		this.access = access;
		this.materials = materials;
		this.events = events;
		this.clock = clock;
	}

	@Override
	@Transactional(readOnly = true)
	public List<Material> list(CaseId id) {
		this.access.requireRead(id);
		return this.materials.findByCaseIdOrderByPositionAsc(id.value()).stream().map(CaseMaterialEntry::view).toList();
	}

	@Override
	public List<Material> declare(CaseId id, List<DeclaredMaterial> items) {
		this.access.requireContribute(id);
		List<CaseMaterialEntry> existing = this.materials.findByCaseIdOrderByPositionAsc(id.value());
		if (items.isEmpty()) {
			throw new InvalidCaseException("materials", "materials.error.empty");
		}
		if (existing.size() + items.size() > MAX_ITEMS) {
			throw new InvalidCaseException("materials", "materials.error.too-many");
		}
		for (DeclaredMaterial item : items) {
			String description = (item.description() != null) ? item.description().strip() : "";
			if (description.isEmpty()) {
				throw new InvalidCaseException("description", "materials.error.description");
			}
			if (description.length() > MAX_DESCRIPTION) {
				throw new InvalidCaseException("description", "materials.error.description-length");
			}
			if (item.kind() == null || item.channel() == null) {
				throw new InvalidCaseException("kind", "materials.error.kind");
			}
		}
		ConsiliumUser user = CurrentUser.require();
		int position = existing.stream().mapToInt(CaseMaterialEntry::position).max().orElse(0);
		List<Material> declared = new ArrayList<>();
		for (DeclaredMaterial item : items) {
			CaseMaterialEntry entry = this.materials.save(new CaseMaterialEntry(id.value(), ++position,
					item.description().strip(), item.kind(), item.channel(), user.id(), this.clock.instant()));
			declared.add(entry.view());
		}
		this.events.publishEvent(
				new CaseActivity(id, "materials-declared", Map.of("count", Integer.toString(declared.size()))));
		return declared;
	}

	@Override
	public void withdraw(CaseId id, UUID materialId) {
		this.access.requireContribute(id);
		CaseMaterialEntry entry = item(id, materialId);
		ConsiliumUser user = CurrentUser.require();
		if (entry.received() || !(entry.declaredBy().equals(user.id()) || user.has(Role.CASE_COORDINATOR))) {
			throw new InvalidCaseException("materials", "materials.error.withdraw");
		}
		this.materials.delete(entry);
	}

	@Override
	public Material markReceived(CaseId id, UUID materialId, String note, UUID recordId) {
		this.access.requireRead(id);
		ConsiliumUser user = CurrentUser.require();
		if (!user.has(Role.CASE_COORDINATOR)) {
			throw new AccessDeniedException("Only case coordinators log arrived materials");
		}
		String cleanNote = (note != null && !note.isBlank()) ? note.strip() : null;
		if (cleanNote != null && cleanNote.length() > MAX_NOTE) {
			throw new InvalidCaseException("note", "materials.error.note-length");
		}
		CaseMaterialEntry entry = item(id, materialId);
		if (!entry.received()) {
			entry.receive(this.clock.instant(), user.id(), cleanNote, recordId);
			this.events.publishEvent(
					new CaseActivity(id, "material-received", Map.of("description", entry.view().description())));
		}
		return entry.view();
	}

	private CaseMaterialEntry item(CaseId id, UUID materialId) {
		return this.materials.findById(materialId)
			.filter((entry) -> entry.caseId().equals(id.value()))
			.orElseThrow(() -> new CaseNotFoundException(id));
	}

}
