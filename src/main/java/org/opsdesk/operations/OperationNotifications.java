package org.opsdesk.operations;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.shared.Actor;

/**
 * Port: the notifications of one operation as its page shows them — the manual ones its current stage offers,
 * previewed, sending one, and the log of what was sent for it. {@code operations} owns it because {@code
 * notifications} already depends on {@code operations} (a facade there would make a cycle); the {@code
 * notifications} module implements it (one Spring bean). Without an implementation the page shows no
 * notifications.
 */
public interface OperationNotifications {

    /** What the change that brought the operation into its current stage offers; not found when not visible. */
    Offers offers(UUID operationId, Actor actor);

    /**
     * Sends one offered manual notification, as rendered or with the text edited; needs {@code <type>:notify}.
     *
     * @param offeredFor the change the operator's preview was for (refused when the operation moved since)
     * @param text the edited text, null to send it as rendered
     */
    Sent send(UUID operationId, String ruleId, @Nullable UUID offeredFor, @Nullable String text, Actor actor);

    /** The notifications created for the operation (by rules or by hand), newest first, at most {@code limit}. */
    List<Sent> sent(UUID operationId, int limit, Actor actor);

    /** A manual notification offered now, rendered in the recipient's language. */
    record Offer(
            String ruleId,
            String channel,
            String audience,
            String recipient,
            String locale,
            @Nullable String subject,
            @Nullable String text,
            boolean available,
            @Nullable String unavailableReason) {}

    /** @param eventId the status change the offers are for; null when it is not kept (then nothing is offered) */
    record Offers(@Nullable UUID eventId, String stage, List<Offer> items) {}

    /**
     * One notification of the operation.
     *
     * @param sentBy the name of who sent it by hand, null when a rule sent it by itself
     */
    record Sent(
            UUID id,
            String channel,
            String recipient,
            @Nullable String ruleId,
            String state,
            Instant createdAt,
            @Nullable String sentBy) {}
}
