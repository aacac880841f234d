package org.opsdesk.banking.matching;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What the rules say of one entry: confirm its order automatically ({@code queued} null), or queue it with a
 * reason; always with the rule, a score (100 certain … 0 nothing found) and the evidence the cashier is shown.
 *
 * @param orderId the order it confirms, or the one proposed to the cashier; null when there is none or several
 * @param candidates every order the rules found
 */
record Verdict(
        @Nullable QueueReason queued,
        MatchRule rule,
        int score,
        @Nullable UUID orderId,
        List<UUID> candidates,
        Map<String, Object> evidence) {

    boolean automatic() {
        return queued == null;
    }

    /** The same verdict, queued for {@code reason} after all (the order was found expired or paid when applied). */
    Verdict queuedFor(QueueReason reason, int lowered, String stage) {
        var more = new java.util.LinkedHashMap<>(evidence);
        more.put("orderStage", stage);
        return new Verdict(reason, rule, lowered, orderId, candidates, more);
    }
}
