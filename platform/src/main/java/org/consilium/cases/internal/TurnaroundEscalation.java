package org.consilium.cases.internal;

import java.util.List;
import java.util.Locale;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import org.consilium.audit.AuditEntry;
import org.consilium.audit.AuditLog;
import org.consilium.cases.Turnaround.Standing;
import org.consilium.identity.Contacts;
import org.consilium.notify.Notice;
import org.consilium.notify.Notifications;
import org.consilium.tenant.Tenant;
import org.consilium.tenant.TenantContext;
import org.consilium.tenant.Tenants;
import org.consilium.tenantconfig.NotificationKind;
import org.consilium.tenantconfig.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Daily: every open case that has become at risk (80% of its turnaround gone) or overdue
 * since the last run is brought to its programme's case coordinators — an e-mail with a
 * link and an in-app notice, once per step. Each programme is handled in its own
 * partition and transaction.
 */
@Component
class TurnaroundEscalation {

	private static final Logger log = LoggerFactory.getLogger(TurnaroundEscalation.class);

	private final Tenants tenants;

	private final TurnaroundService turnaround;

	private final Contacts contacts;

	private final Notifications notifications;

	private final AuditLog audit;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final String siteUrl;

	TurnaroundEscalation(Tenants tenants, TurnaroundService turnaround, Contacts contacts, Notifications notifications,
			AuditLog audit, JdbcTemplate jdbc, PlatformTransactionManager transactionManager,
			@Value("${consilium.links.site-url}") String siteUrl) {
		this.tenants = tenants;
		this.turnaround = turnaround;
		this.contacts = contacts;
		this.notifications = notifications;
		this.audit = audit;
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
		this.siteUrl = siteUrl;
	}

	/** Runs over every programme. @return how many cases were escalated */
	int escalateAll() {
		int escalated = 0;
		for (Tenant tenant : this.tenants.all()) {
			try {
				escalated += TenantContext.callAs(tenant.id(),
						() -> this.transactions.execute((status) -> escalate(tenant)));
			}
			catch (RuntimeException ex) {
				// One programme's failure does not stop the others; the next run tries
				// again.
				log.error("Turnaround escalation failed for {}", tenant.id().value(), ex);
			}
		}
		return escalated;
	}

	private int escalate(Tenant tenant) {
		List<Object[]> open = this.jdbc.query("""
				select id, reference, status, submitted_at, due_on, escalated_standing from medical_case
				where due_on is not null and status not in ('DRAFT', 'CLOSED', 'CANCELLED')
				""",
				(row, index) -> new Object[] { row.getObject("id", java.util.UUID.class), row.getString("reference"),
						row.getString("status"), row.getTimestamp("submitted_at").toInstant(),
						row.getObject("due_on", java.time.LocalDate.class), row.getString("escalated_standing") });
		int escalated = 0;
		List<Contacts.Contact> coordinators = null;
		for (Object[] c : open) {
			Standing standing = this.turnaround
				.standing(org.consilium.cases.CaseStatus.valueOf((String) c[2]), (java.time.Instant) c[3],
						(java.time.LocalDate) c[4])
				.orElse(Standing.ON_TRACK);
			String told = (String) c[5];
			if (standing == Standing.ON_TRACK || (told != null && Standing.valueOf(told).compareTo(standing) >= 0)) {
				continue;
			}
			if (coordinators == null) {
				coordinators = this.contacts.withRole(Role.CASE_COORDINATOR);
			}
			String link = this.siteUrl.replace("{host}", tenant.config().hosts().get(0)) + "cases/" + c[1];
			Locale locale = tenant.config().defaultLocale();
			for (Contacts.Contact coordinator : coordinators) {
				this.notifications.send(
						Notice
							.email(NotificationKind.TURNAROUND_ESCALATION, coordinator.email(),
									coordinator.displayName(), locale, link)
							.toUser(coordinator.userId()));
			}
			this.jdbc.update("update medical_case set escalated_standing = ? where id = ?", standing.name(), c[0]);
			this.audit.record(AuditEntry.of("CASE_TURNAROUND_ESCALATED")
				.subject("case", c[0].toString())
				.details(standing.name() + " to " + coordinators.size() + " coordinator(s)"));
			escalated++;
		}
		return escalated;
	}

	@Bean
	static RecurringTask<Void> turnaroundEscalationTask(TurnaroundEscalation escalation) {
		return Tasks.recurring("turnaround-escalation", Schedules.daily(java.time.LocalTime.of(6, 0)))
			.execute((instance, context) -> escalation.escalateAll());
	}

}
