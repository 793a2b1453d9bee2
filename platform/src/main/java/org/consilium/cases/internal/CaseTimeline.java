package org.consilium.cases.internal;

import java.time.Clock;

import org.consilium.cases.CaseActivity;
import org.consilium.identity.CurrentUser;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Records every case activity, from any module, in the transaction that caused it.
 */
@Component
class CaseTimeline {

	private final CaseTimelineRepository entries;

	private final Clock clock;

	CaseTimeline(CaseTimelineRepository entries, Clock clock) {
		this.entries = entries;
		this.clock = clock;
	}

	@EventListener
	void on(CaseActivity activity) {
		String actor = CurrentUser.find().map((user) -> user.displayName()).orElse("Consilium");
		this.entries.save(new CaseTimelineEntry(activity.caseId().value(), this.clock.instant(), actor, activity.what(),
				activity.args()));
	}

}
