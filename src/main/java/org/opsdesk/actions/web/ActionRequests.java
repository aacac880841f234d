package org.opsdesk.actions.web;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.opsdesk.operations.FreeText;
import tools.jackson.databind.JsonNode;

/** Request bodies of the actions API. */
final class ActionRequests {

    private ActionRequests() {}

    /**
     * An invocation.
     *
     * @param input the action's fields (see its entry in {@code GET /api/v1/actions})
     * @param confirm an irreversible action's typed confirmation: the record's identifier
     */
    record Invoke(
            @Nullable JsonNode input,
            @Nullable
                    @Size(max = FreeText.REASON_MAX)
                    @Pattern(regexp = FreeText.REASON_PATTERN, message = "no control characters")
                    String reason,
            @Nullable @Size(max = 200) String confirm) {}
}
