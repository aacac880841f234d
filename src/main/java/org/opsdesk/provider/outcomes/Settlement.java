package org.opsdesk.provider.outcomes;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A settlement by hand of a provider outcome: what the maker says the outcome was and why, and what a second
 * person decided.
 */
@Schema(name = "ProviderSettlement")
record Settlement(
        @Schema(description = "The settlement request's id.") UUID id,
        @Schema(description = "The action's operation.") UUID operationId,
        @Schema(
                        description = "The outcome the maker says the provider reached.",
                        allowableValues = {"done", "failed"})
                String outcome,
        @Schema(description = "Why the maker says so (what they learnt, from whom).") String reason,
        @Schema(
                        description = "Pending until a second person decides; void when the outcome became known"
                                + " before the approval.",
                        allowableValues = {"pending", "approved", "declined", "void"})
                String state,
        @Schema(description = "Who asked for it (display name).") String requestedBy,
        @Schema(description = "When it was asked for.") Instant requestedAt,
        @Schema(description = "Who decided it, once decided.") @Nullable String decidedBy,
        @Schema(description = "When it was decided.") @Nullable Instant decidedAt,
        @Schema(description = "The decision's reason (a decline's), if any.") @Nullable String decisionReason) {

    boolean pending() {
        return state.equals("pending");
    }
}
