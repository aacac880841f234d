package org.opsdesk.provider.connector;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.opsdesk.actions.ProviderAnswer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the provider's answer bodies: {@code {"outcome":"done","result":{…}}}, {@code
 * {"outcome":"failed","reason":"…"}} or {@code {"outcome":"accepted"}}. Anything else — not JSON, another
 * outcome, a result that is not an object — reads as null, "unexpected", which the callers treat as not knowing
 * (never as a crash, never as a success).
 */
final class ProviderAnswers {

    static final int REASON_MAX = 500;
    static final String ACCEPTED = "accepted by the provider; the outcome comes later";

    private final JsonMapper json;

    ProviderAnswers(JsonMapper json) {
        this.json = json;
    }

    @Nullable
    ProviderAnswer read(byte @Nullable [] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JacksonException e) {
            return null;
        }
        if (root == null || !root.isObject()) {
            return null;
        }
        return switch (root.path("outcome").asString("")) {
            case "done" -> done(root.path("result"));
            case "failed" -> new ProviderAnswer.Failed(reason(root.path("reason")));
            case "accepted" -> new ProviderAnswer.Pending(ACCEPTED);
            default -> null;
        };
    }

    /** The reason a {@code failed} answer gives, bounded, or a sentence saying it gave none. */
    static String reason(JsonNode reason) {
        String text = reason.isString() ? reason.asString().strip() : "";
        if (text.isEmpty()) {
            return "the provider gave no reason";
        }
        return text.length() > REASON_MAX ? text.substring(0, REASON_MAX) + "…" : text;
    }

    private @Nullable ProviderAnswer done(JsonNode result) {
        if (result.isMissingNode() || result.isNull()) {
            return new ProviderAnswer.Done(Map.of());
        }
        if (!result.isObject()) {
            return null;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> values = json.convertValue(result, LinkedHashMap.class);
        values.values().removeIf(java.util.Objects::isNull); // Done keeps an immutable copy, which holds no nulls
        return new ProviderAnswer.Done(values);
    }
}
