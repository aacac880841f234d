package org.opsdesk.provider.outcomes;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A provider outcome as the resolver keeps it, for operators and the provider's callback answer. */
@Schema(name = "ProviderOutcomeState")
record OutcomeView(
        @Schema(description = "The action's operation (also the provider's Idempotency-Key).") UUID operationId,
        @Schema(description = "The declared action sent to the provider.", example = "account.read-balance")
                String actionId,
        @Schema(
                        description = "pending while the resolver waits for it; resolved once known; gave_up when the"
                                + " schedule was spent without an answer; closed when its operation stopped waiting.",
                        allowableValues = {"pending", "resolved", "gave_up", "closed"})
                String state,
        @Schema(description = "Why it became pending (the connector's answer).") String why,
        @Schema(description = "Scheduled checks made so far.") int checksDone,
        @Schema(description = "When the next scheduled check is due, while pending.") @Nullable Instant nextCheckAt,
        @Schema(description = "When the provider was last asked.") @Nullable Instant lastCheckedAt,
        @Schema(description = "What the last check (or the resolution) heard.") @Nullable String lastAnswer,
        @Schema(description = "done, failed, or unknown (given up), once no longer pending.") @Nullable
                String resolution,
        @Schema(
                        description = "What ended the wait: callback, poll, check, settled, gave-up or closed.",
                        example = "callback")
                @Nullable
                String resolvedBy,
        @Schema(description = "When the wait ended.") @Nullable Instant resolvedAt,
        @Schema(description = "The settlement by hand waiting for a second person, if any.") @Nullable
                Settlement pendingSettlement) {

    static OutcomeView of(PendingOutcome outcome, @Nullable Settlement pendingSettlement) {
        return new OutcomeView(
                outcome.operationId(),
                outcome.actionId(),
                outcome.state().code(),
                outcome.why(),
                outcome.checksDone(),
                outcome.nextCheckAt(),
                outcome.lastCheckedAt(),
                outcome.lastAnswer(),
                outcome.resolution(),
                outcome.resolvedBy(),
                outcome.resolvedAt(),
                pendingSettlement);
    }
}
