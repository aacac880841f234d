package org.opsdesk.platform.web;

import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The RFC 9457 problem every refusal answers, as the API description documents it: its members and every
 * {@code type} the application sends. Kept beside {@link Problems}, which builds the bodies it describes.
 */
final class ProblemSchemas {

    static final String PROBLEM = "ProblemDetail";
    static final String FIELD_ERROR = "FieldError";

    /** Every problem type the API answers with, by status; the slug follows {@code urn:opsdesk:problem:}. */
    static final String TYPES =
            """
            A URN `urn:opsdesk:problem:<slug>` naming the kind of problem; tooling may switch on it. The slugs:

            | status | slug | meaning |
            |---|---|---|
            | 400 | `malformed-json` | the body is not valid JSON |
            | 400 | `invalid-json-value` | a JSON value has the wrong type or is an unknown field (named in `errors`) |
            | 400 | `malformed-body` | the body is missing or unreadable |
            | 400 | `invalid-parameter` | a path or query value has the wrong type, such as an id that is not a UUID |
            | 400 | `invalid-idempotency-key` | `Idempotency-Key` is not 1 to 255 visible ASCII characters |
            | 401 | `unauthenticated` | no API key, or one that is unknown, expired or revoked |
            | 403 | `permission-denied` | the key lacks the permission the request needs (named in `detail`) |
            | 403 | `maker-cannot-approve` | the maker of an approval request cannot decide it |
            | 403 | `escalation-refused` | a key or role may not grant more than its creator holds |
            | 404 | `not-found` | nothing with this id, or nothing the caller may see |
            | 405, 406, 415 | `method-not-allowed`, `not-acceptable`, `unsupported-media-type` | the method, the accepted media type or the body's media type is not served here |
            | 409 | `transition-not-allowed` | the workflow has no such move from the current stage |
            | 409 | `already-assigned`, `not-assigned` | the operation's assignment does not allow this |
            | 409 | `duplicate-reference` | an operation of this type already has this reference (`existingId`) |
            | 409 | `approval-already-pending`, `approval-not-pending`, `approval-void`, `already-approved` | the approval request's state does not allow this |
            | 409 | `notification-not-offered`, `notification-unavailable`, `notification-already-sent`, `notification-offer-outdated`, `notification-being-sent` | the notification cannot be sent now |
            | 409 | `operator-exists`, `last-admin`, `role-exists`, `role-built-in`, `role-in-use`, `role-locked` | the administration change conflicts with what exists |
            | 409 | `idempotency-key-in-use` | a request with this `Idempotency-Key` is still running |
            | 412 | `stale-version` | `If-Match` names a version that is no longer current (`currentVersion`) |
            | 413 | `body-too-large` | the request body exceeds the limit |
            | 422 | `invalid-input` | fields or parameters have invalid values (each in `errors`) |
            | 422 | `reason-required` | the move needs a reason |
            | 422 | `unknown-operation-type`, `unknown-stage`, `unknown-assignee` | a code names nothing known |
            | 422 | `destination-refused` | a webhook URL points where the application may not send |
            | 422 | `idempotency-key-reused` | the `Idempotency-Key` was used before with another request |
            | 429 | `rate-limited` | the key exceeded its request rate; wait `Retry-After` seconds |
            | 500 | `internal-error` | the request failed on our side; quote the `requestId` |
            """;

    private ProblemSchemas() {}

    static Map<String, Schema> all() {
        var schemas = new LinkedHashMap<String, Schema>();
        schemas.put(PROBLEM, problem());
        schemas.put(FIELD_ERROR, fieldError());
        return schemas;
    }

    private static Schema<?> problem() {
        var example = new LinkedHashMap<String, Object>();
        example.put("type", "urn:opsdesk:problem:invalid-input");
        example.put("title", "Invalid input");
        example.put("status", 422);
        example.put("detail", "amount.value: must be a decimal number such as 250.00");
        example.put(
                "errors",
                List.of(Map.of("field", "amount.value", "message", "must be a decimal number such as 250.00")));
        example.put("requestId", "3f1c2a9e-5b7d-4e8f-9a01-2b3c4d5e6f70");
        return new Schema<Object>()
                .type("object")
                .types(new java.util.LinkedHashSet<>(List.of("object")))
                .description("An RFC 9457 problem. Problems about one object may carry more members, such as "
                        + "`currentStage` and `currentVersion` of an operation or the `existingId` of a duplicate.")
                .addProperty(
                        "type",
                        new StringSchema()
                                .format("uri")
                                .description(TYPES)
                                .example("urn:opsdesk:problem:invalid-input"))
                .addProperty(
                        "title",
                        new StringSchema()
                                .description("A short summary of the kind of problem.")
                                .example("Invalid input"))
                .addProperty(
                        "status",
                        new IntegerSchema()
                                .description("The HTTP status of this answer.")
                                .example(422))
                .addProperty(
                        "detail",
                        new StringSchema()
                                .description("What exactly is wrong with this request, for a person to read.")
                                .example("amount.value: must be a decimal number such as 250.00"))
                .addProperty(
                        "instance",
                        new StringSchema()
                                .format("uri-reference")
                                .description("The request path, on refusals Spring MVC makes itself.")
                                .example("/api/v1/operations"))
                .addProperty(
                        "errors",
                        new ArraySchema()
                                .items(new Schema<>().$ref("#/components/schemas/" + FIELD_ERROR))
                                .description("The offending fields, when the problem is about fields."))
                .addProperty(
                        "requestId",
                        new StringSchema()
                                .description("The request's id (also the X-Request-Id header); quote it when "
                                        + "reporting a problem.")
                                .example("3f1c2a9e-5b7d-4e8f-9a01-2b3c4d5e6f70"))
                .required(List.of("type", "title", "status"))
                .example(example);
    }

    private static Schema<?> fieldError() {
        return new ObjectSchema()
                .description("One invalid field or parameter and why.")
                .addProperty(
                        "field",
                        new StringSchema()
                                .description(
                                        "The JSON path of the field (`amount.value`), or the parameter or header name.")
                                .example("amount.value"))
                .addProperty(
                        "message",
                        new StringSchema()
                                .description("Why the value is refused.")
                                .example("must be a decimal number such as 250.00"))
                .required(List.of("field", "message"));
    }
}
