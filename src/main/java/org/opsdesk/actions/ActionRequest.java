package org.opsdesk.actions;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * What a caller asks of the catalog: take an action on a record (or, for an action that creates one, with no
 * record).
 *
 * @param targetId the record's id as the API's paths write it; null for an action that creates a record
 * @param input the action's fields as a JSON object (an upload as {@code {fileName, content: <base64>}})
 * @param confirm for an irreversible action, the target's identifier typed by the caller
 */
public record ActionRequest(
        String actionId,
        @Nullable String targetId,
        @Nullable JsonNode input,
        @Nullable String reason,
        @Nullable String confirm) {}
