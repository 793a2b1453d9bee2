package org.consilium.review.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.consilium.audit.AuditEntry;
import org.consilium.audit.AuditLog;
import org.consilium.cases.CaseAccess;
import org.consilium.cases.CaseEvent;
import org.consilium.cases.CaseId;
import org.consilium.cases.CaseLifecycle;
import org.consilium.cases.CaseReference;
import org.consilium.cases.CaseStatus;
import org.consilium.cases.CaseSummary;
import org.consilium.identity.CurrentUser;
import org.consilium.review.ApprovalFile.Review;
import org.consilium.review.OpinionNotAvailableException;
import org.consilium.review.OpinionVersion;
import org.consilium.review.PublishedOpinion;
import org.consilium.review.PublishedOpinions;
import org.consilium.review.RereadReport;
import org.consilium.review.internal.OpinionDeliveries.Delivery;
import org.consilium.tenantconfig.NotificationKind;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The published opinion for its readers on the programme's site. The doctor's first
 * opening is decided by one conditional update, so of two openings at once exactly one
 * moves the case, completes the delivery and tells the patient.
 */
@Service
@Transactional
class PublishedOpinionService implements PublishedOpinions {

	private final CaseAccess access;

	private final CaseLifecycle lifecycle;

	private final OpinionDeliveries deliveries;

	private final OpinionStore opinions;

	private final OpinionReviews reviews;

	private final RereadReports rereads;

	private final OpinionNotices notices;

	private final OpinionPdfRenderer renderer;

	private final AuditLog audit;

	private final Clock clock;

	PublishedOpinionService(CaseAccess access, CaseLifecycle lifecycle, OpinionDeliveries deliveries,
			OpinionStore opinions, OpinionReviews reviews, RereadReports rereads, OpinionNotices notices,
			OpinionPdfRenderer renderer, AuditLog audit, Clock clock) {
		this.access = access;
		this.lifecycle = lifecycle;
		this.deliveries = deliveries;
		this.opinions = opinions;
		this.reviews = reviews;
		this.rereads = rereads;
		this.notices = notices;
		this.renderer = renderer;
		this.audit = audit;
		this.clock = clock;
	}

	@Override
	public PublishedOpinion open(CaseReference reference) {
		return read(reference, "OPINION_VIEWED");
	}

	@Override
	public OpinionDocument pdf(CaseReference reference, Locale locale) {
		PublishedOpinion opinion = read(reference, "OPINION_DOWNLOADED");
		return new OpinionDocument("second-opinion-" + reference.value() + ".pdf",
				this.renderer.render(opinion, locale));
	}

	private PublishedOpinion read(CaseReference reference, String action) {
		CaseSummary summary = this.access.requireRead(reference);
		CaseId caseId = summary.id();
		Delivery delivery = this.deliveries.find(caseId).orElseThrow(() -> new OpinionNotAvailableException(reference));
		String me = CurrentUser.require().id();
		CaseLifecycle.Participants party = this.lifecycle.participants(caseId);
		if (party.isPhysician(me)) {
			physicianOpens(caseId, reference, party);
		}
		else if (party.isPatient(me)) {
			if (!delivery.readableByPatient()) {
				throw new OpinionNotAvailableException(reference);
			}
			this.deliveries.patientOpened(caseId, this.clock.instant());
		}
		this.audit.record(AuditEntry.of(action).subject("case", caseId).details("version " + delivery.version()));
		return opinion(summary, delivery);
	}

	private void physicianOpens(CaseId caseId, CaseReference reference, CaseLifecycle.Participants party) {
		if (!this.deliveries.physicianOpened(caseId, this.clock.instant())) {
			return;
		}
		if (this.lifecycle.summary(caseId).status() == CaseStatus.PUBLISHED) {
			this.lifecycle.apply(caseId, CaseEvent.PHYSICIAN_VIEWED, List.of());
		}
		this.lifecycle.delivered(caseId);
		this.notices.toPatient(NotificationKind.DOCTOR_HAS_OPINION, party.patientId(), reference);
	}

	private PublishedOpinion opinion(CaseSummary summary, Delivery delivery) {
		OpinionVersion version = this.opinions.version(summary.id(), delivery.version()).orElseThrow();
		Instant approvedAt = this.reviews.of(summary.id())
			.stream()
			.filter((review) -> review.version() == delivery.version() && review.outcome() == Review.Outcome.APPROVED)
			.map(Review::reviewedAt)
			.findFirst()
			.orElse(delivery.publishedAt());
		List<RereadReport> done = this.rereads.of(summary.id())
			.stream()
			.filter((reread) -> reread.state() == RereadReport.State.DONE)
			.toList();
		return new PublishedOpinion(summary.reference(), summary.specialty(), version.version(), version.content(),
				version.authorName(), approvedAt, delivery.publishedAt(), delivery.audience(), done);
	}

}
