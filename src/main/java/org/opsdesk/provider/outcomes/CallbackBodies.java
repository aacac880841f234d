package org.opsdesk.provider.outcomes;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.shared.InvalidInput;
import org.opsdesk.shared.ProblemException.FieldError;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads a verified callback's body field by field, refusing what it cannot use with the fields named (422). */
final class CallbackBodies {

    /** The callback's body. */
    @Schema(name = "ProviderCallback")
    record Callback(
            @Schema(description = "The action's operation id (the Idempotency-Key of the request).") UUID operationId,
            @Schema(
                            description = "What the provider reached.",
                            allowableValues = {"done", "failed"})
                    String outcome,
            @Schema(description = "Why it failed (a failed outcome; at most 500 characters kept).") @Nullable
                    String reason,
            @Schema(description = "The result of a done outcome, as the action's handler expects it.") @Nullable
                    Map<String, Object> result) {}

    private final JsonMapper json;

    CallbackBodies(JsonMapper json) {
        this.json = json;
    }

    Callback read(byte[] body) {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JacksonException e) {
            throw InvalidInput.of("body", "is not JSON");
        }
        if (root == null || !root.isObject()) {
            throw InvalidInput.of("body", "must be a JSON object");
        }
        var errors = new ArrayList<FieldError>();
        UUID operationId = null;
        try {
            operationId = UUID.fromString(root.path("operationId").asString(""));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("operationId", "must be the operation's id (a UUID)"));
        }
        String outcome = root.path("outcome").asString("");
        if (!outcome.equals("done") && !outcome.equals("failed")) {
            errors.add(new FieldError("outcome", "must be done or failed"));
        }
        JsonNode result = root.path("result");
        if (!result.isMissingNode() && !result.isNull() && !result.isObject()) {
            errors.add(new FieldError("result", "must be a JSON object"));
        }
        JsonNode reason = root.path("reason");
        if (!reason.isMissingNode() && !reason.isNull() && !reason.isString()) {
            errors.add(new FieldError("reason", "must be text"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(List.copyOf(errors));
        }
        return new Callback(Objects.requireNonNull(operationId), outcome, reason(reason), result(result));
    }

    private static @Nullable String reason(JsonNode reason) {
        if (!reason.isString() || reason.asString().isBlank()) {
            return null;
        }
        String text = reason.asString().strip();
        return text.length() > 500 ? text.substring(0, 500) + "…" : text;
    }

    private @Nullable Map<String, Object> result(JsonNode result) {
        if (!result.isObject()) {
            return null;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> values = json.convertValue(result, LinkedHashMap.class);
        values.values().removeIf(Objects::isNull);
        return values;
    }
}
