package org.opsdesk.platform.events;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Hands every event publication still incomplete after {@code opsdesk.events.resubmit-after} (1 minute) to its
 * listener again, on every node, every {@code opsdesk.events.resubmit-interval}: the publications whose listener
 * failed, and those a node that died left behind (published or processing). Several nodes may look at once:
 * Modulith claims a publication by moving it to "resubmitted" only if it was not already, and the listeners are
 * idempotent (a repeated event adds nothing), so a publication two nodes pick up still has one effect. Runs on a
 * thread of its own, so that alerts are not held up behind an hour-long maintenance job.
 */
@Component
class EventPublicationResubmission {

    private final IncompleteEventPublications incomplete;
    private final Duration resubmitAfter;

    EventPublicationResubmission(
            IncompleteEventPublications incomplete, @Value("${opsdesk.events.resubmit-after}") Duration resubmitAfter) {
        this.incomplete = incomplete;
        this.resubmitAfter = resubmitAfter;
    }

    /** Resubmits what is older than the age set; old enough that the first attempt is surely over. */
    @Scheduled(
            fixedDelayString = "${opsdesk.events.resubmit-interval}",
            initialDelayString = "${opsdesk.events.resubmit-interval}",
            scheduler = EventPublicationScheduler.NAME)
    void resubmitIncomplete() {
        incomplete.resubmitIncompletePublicationsOlderThan(resubmitAfter);
    }
}
