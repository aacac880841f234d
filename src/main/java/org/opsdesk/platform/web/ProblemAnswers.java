package org.opsdesk.platform.web;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.opsdesk.shared.RequestIds;
import org.opsdesk.shared.RequiresPermission;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;

/**
 * Adds to every operation what the application's cross-cutting layers answer, so no {@code *Api} class repeats
 * it: the problems of authentication (401), permissions (403), the rate limit (429), malformed input (400, 422),
 * body size (413), unknown ids (404), stale {@code If-Match} versions (412) and idempotency keys (409, 422), each
 * as {@code application/problem+json}; the {@code Idempotency-Key} and {@code X-Request-Id} headers; the
 * permission the operation needs. Refusals an operation declares itself ({@code @ApiResponse(responseCode = "409",
 * description = ...)}) keep their description and get the problem body too.
 */
final class ProblemAnswers implements OperationCustomizer {

    static final String PROBLEM_JSON = "application/problem+json";

    private static final String PROBLEM_REF = "#/components/schemas/" + ProblemSchemas.PROBLEM;

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        hideParameterMaps(operation, handler);
        var shape = Shape.of(operation, handler);
        describeParameters(operation, shape);
        describePermission(operation, handler);
        var responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        operation.setResponses(responses);
        if (shape.query() || shape.body() || shape.writes() || shape.ifMatch()) {
            problem(
                    responses,
                    "400",
                    "The request cannot be read: `malformed-json`, `invalid-json-value`, `malformed-body`, "
                            + "`invalid-parameter`, `invalid-idempotency-key`.");
        }
        problem(responses, "401", "`unauthenticated`: no API key, or one that is unknown, expired or revoked.");
        problem(
                responses,
                "403",
                "`permission-denied`: the key lacks the permission this operation needs (named in `detail`).");
        if (shape.pathVariables()) {
            problem(
                    responses,
                    "404",
                    "`not-found`: nothing with this id, or nothing the caller may see (objects of types the caller "
                            + "may not view answer 404, not 403).");
        }
        if (shape.writes()) {
            problem(
                    responses,
                    "409",
                    "`idempotency-key-in-use`: a request with this `Idempotency-Key` is still running.");
        }
        if (shape.ifMatch()) {
            problem(
                    responses,
                    "412",
                    "`stale-version`: `If-Match` names a version that is no longer current; the problem carries "
                            + "`currentVersion`.");
        }
        if (shape.body() || shape.writes()) {
            problem(responses, "413", "`body-too-large`: the request body exceeds the configured limit.");
        }
        if (shape.body() || shape.query() || shape.ifMatch()) {
            problem(responses, "422", "`invalid-input`: fields or parameters have invalid values, each in `errors`.");
        }
        if (shape.writes()) {
            problem(
                    responses,
                    "422",
                    "`idempotency-key-reused`: the `Idempotency-Key` was used before with another request.");
        }
        problem(
                responses,
                "429",
                "`rate-limited`: the key exceeded its request rate; retry after `Retry-After` seconds.");
        responses.get("429").addHeaderObject("Retry-After", headerRef("Retry-After"));
        responses.forEach((status, response) -> completeResponse(status, response));
        return operation;
    }

    /** The headers the responses refer to, for the document's components. */
    static Map<String, Header> headers() {
        var headers = new LinkedHashMap<String, Header>();
        headers.put(
                RequestIds.HEADER,
                new Header()
                        .description("The request's id: the caller's X-Request-Id when it was sane, otherwise a new "
                                + "UUID. Logs, history entries and problems carry it.")
                        .schema(new StringSchema().example("3f1c2a9e-5b7d-4e8f-9a01-2b3c4d5e6f70")));
        headers.put(
                "ETag",
                new Header()
                        .description("The version of the object in this answer, as a strong ETag; send it back in "
                                + "If-Match to change the object only if nobody changed it since.")
                        .schema(new StringSchema().example("\"3\"")));
        headers.put(
                "Location",
                new Header()
                        .description("Where the created or opened resource can be read.")
                        .schema(new StringSchema()
                                .format("uri-reference")
                                .example("/api/v1/operations/0b6f9a52-6f4e-4c1f-9a3e-2f5c7d8e9a10")));
        headers.put(
                "Retry-After",
                new Header()
                        .description("Seconds to wait before the next request.")
                        .schema(new IntegerSchema().example(1)));
        return headers;
    }

    private static void problem(ApiResponses responses, String status, String description) {
        ApiResponse response = responses.get(status);
        if (response == null) {
            responses.addApiResponse(status, new ApiResponse().description(description));
            return;
        }
        String declared = response.getDescription();
        if (declared == null || declared.isBlank() || isReasonPhrase(declared)) {
            response.setDescription(description);
        } else if (!declared.contains(description)) {
            response.setDescription(declared + "\n\n" + description);
        }
    }

    /** The descriptions springdoc fills in by itself ("Conflict", "Not Found") say nothing: ours replace them. */
    private static boolean isReasonPhrase(String description) {
        return description.matches("[A-Z][A-Za-z -]{0,40}") && !description.contains("`");
    }

    private static void completeResponse(String status, ApiResponse response) {
        response.addHeaderObject(RequestIds.HEADER, headerRef(RequestIds.HEADER));
        if (response.getHeaders() != null) {
            for (String name : List.of("ETag", "Location")) {
                if (response.getHeaders().containsKey(name)) {
                    response.getHeaders().put(name, headerRef(name));
                }
            }
        }
        if ("201".equals(status)) {
            response.addHeaderObject("Location", headerRef("Location"));
        }
        if (status.startsWith("4") || status.startsWith("5")) {
            var problem = new MediaType().schema(new Schema<>().$ref(PROBLEM_REF));
            response.setContent(new Content().addMediaType(PROBLEM_JSON, problem));
        }
    }

    private static Header headerRef(String name) {
        return new Header().$ref("#/components/headers/" + name);
    }

    /**
     * A {@code @RequestParam Map} is the handler reading every query parameter at once, not a parameter named after
     * the argument: the handler documents the real ones with {@code @Parameter}, so the map itself is left out.
     */
    private static void hideParameterMaps(Operation operation, HandlerMethod handler) {
        if (operation.getParameters() == null) {
            return;
        }
        var maps = new java.util.HashSet<String>();
        for (MethodParameter argument : handler.getMethodParameters()) {
            if (argument.hasParameterAnnotation(RequestParam.class)
                    && Map.class.isAssignableFrom(argument.getParameterType())) {
                argument.initParameterNameDiscovery(new DefaultParameterNameDiscoverer());
                maps.add(String.valueOf(argument.getParameterName()));
            }
        }
        operation.getParameters().removeIf(p -> "query".equals(p.getIn()) && maps.contains(p.getName()));
    }

    private static void describeParameters(Operation operation, Shape shape) {
        var parameters = operation.getParameters() == null
                ? new ArrayList<Parameter>()
                : new ArrayList<>(operation.getParameters());
        for (Parameter parameter : parameters) {
            if (parameter.getDescription() == null || parameter.getDescription().isBlank()) {
                parameter.setDescription(defaultDescription(parameter, shape.path()));
            }
        }
        if (shape.writes()) {
            parameters.add(new Parameter()
                    .in("header")
                    .name(IdempotencyFilter.HEADER)
                    .required(false)
                    .description(
                            "Makes the request safe to retry: the same key and body within the retention (48 hours by default) replay "
                                    + "the first answer (with `Idempotency-Replayed: true`) instead of acting twice. 1 to 255 "
                                    + "visible ASCII characters, unique per request; keys belong to the calling key.")
                    .schema(new StringSchema().maxLength(255).example("7c0a4b1e-create-withdrawal-ref-8841")));
        }
        parameters.add(new Parameter()
                .in("header")
                .name(RequestIds.HEADER)
                .required(false)
                .description("An id for this request to find it in logs, history and problems (1 to 64 of "
                        + "`A-Z a-z 0-9 . _ : -`); one is made when absent or not sane. Answered as X-Request-Id.")
                .schema(new StringSchema().maxLength(64).example("req-2026-12-07-0001")));
        operation.setParameters(parameters);
    }

    private static @Nullable String defaultDescription(Parameter parameter, String path) {
        String name = parameter.getName();
        if ("path".equals(parameter.getIn())) {
            return "The " + name + " of the " + owner(path, name) + ".";
        }
        if ("cursor".equals(name)) {
            return "Where the page starts: the `nextCursor` of the previous page; absent for the first page.";
        }
        if ("limit".equals(name)) {
            return "How many items the page holds at most (1 to 500).";
        }
        if ("If-Match".equals(name)) {
            return "The ETag of the version this change is based on (`\"7\"`, a bare 7, or `*` for any); a newer "
                    + "version answers 412 `stale-version`. Without it the change applies to whatever is current.";
        }
        return null;
    }

    /** "operation" for {@code /api/v1/operations/{id}}: the collection segment before the variable, singular. */
    private static String owner(String path, String variable) {
        String[] segments = path.split("/");
        for (int i = 1; i < segments.length; i++) {
            if (segments[i].equals("{" + variable + "}")) {
                String collection = segments[i - 1];
                return collection.endsWith("s") ? collection.substring(0, collection.length() - 1) : collection;
            }
        }
        return "resource";
    }

    private static void describePermission(Operation operation, HandlerMethod handler) {
        var permission = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), RequiresPermission.class);
        if (permission == null) {
            permission = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), RequiresPermission.class);
        }
        if (permission == null || operation.getDescription() == null) {
            return;
        }
        String needed = RequiresPermission.SIGNED_IN.equals(permission.value())
                ? "any valid API key"
                : "the permission `" + permission.value() + "`"
                        + (permission.value().contains("{type}") ? " (`{type}` is the operation type)" : "");
        if (!operation.getDescription().contains("Needs ")) {
            operation.setDescription(operation.getDescription() + "\n\nNeeds " + needed + ".");
        }
    }

    /** What an operation takes, which decides the problems it can answer. */
    private record Shape(
            String path, boolean writes, boolean body, boolean query, boolean pathVariables, boolean ifMatch) {

        static Shape of(Operation operation, HandlerMethod handler) {
            var mapping = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), RequestMapping.class);
            var methods = mapping == null ? List.<RequestMethod>of() : List.of(mapping.method());
            var parameters = operation.getParameters() == null ? List.<Parameter>of() : operation.getParameters();
            String path = path(handler, mapping);
            return new Shape(
                    path,
                    methods.contains(RequestMethod.POST) || methods.contains(RequestMethod.PATCH),
                    operation.getRequestBody() != null,
                    parameters.stream().anyMatch(p -> "query".equals(p.getIn())),
                    parameters.stream().anyMatch(p -> "path".equals(p.getIn())),
                    parameters.stream().anyMatch(p -> "If-Match".equalsIgnoreCase(p.getName())));
        }

        private static String path(HandlerMethod handler, @Nullable RequestMapping mapping) {
            var type = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), RequestMapping.class);
            String prefix = type == null || type.path().length == 0 ? "" : type.path()[0];
            String own = mapping == null || mapping.path().length == 0 ? "" : mapping.path()[0];
            return prefix + own;
        }
    }
}
