package org.consilium.review.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.consilium.cases.Assignment;
import org.consilium.identity.Contacts;
import org.consilium.tenant.TenantContext;
import org.consilium.tenant.TenantId;
import org.consilium.tenantconfig.Role;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Chooses who approves an opinion: of the operator's active approvers, the one with the
 * fewest open approvals across programmes (ties by name).
 */
@Component
class Approvers {

	private final Contacts contacts;

	private final AssignmentLoad load;

	private final TransactionTemplate separateRead;

	Approvers(Contacts contacts, AssignmentLoad load, PlatformTransactionManager transactionManager) {
		this.contacts = contacts;
		this.load = load;
		this.separateRead = new TransactionTemplate(transactionManager);
		this.separateRead.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.separateRead.setReadOnly(true);
	}

	Optional<Choice> leastLoaded() {
		// Approvers are operator accounts: they live in the platform's partition, read in
		// a transaction of its own (the caller's is the case's tenant).
		List<Contacts.Contact> approvers = TenantContext.callAs(TenantId.PLATFORM,
				() -> this.separateRead.execute((status) -> this.contacts.withRole(Role.APPROVER)));
		if (approvers == null || approvers.isEmpty()) {
			return Optional.empty();
		}
		Map<String, Integer> open = this.load.byActor(Assignment.Task.APPROVAL);
		return approvers.stream()
			.map((contact) -> new Choice(new Assignment.Assignee(contact.userId(), contact.displayName(), null),
					open.getOrDefault(contact.userId(), 0)))
			.min(Comparator.comparingInt(Choice::openApprovals)
				.thenComparing((Choice choice) -> choice.assignee().actorName())
				.thenComparing((Choice choice) -> choice.assignee().actorId()));
	}

	/** An approver and their open approvals when chosen. */
	record Choice(Assignment.Assignee assignee, int openApprovals) {
	}

}
