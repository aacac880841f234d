package org.opsdesk.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.Parameters;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.opsdesk.support.ApiClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.io.ClassPathResource;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API description integrators read, as the application SERVES it at {@code /v3/api-docs}: only to a caller
 * with an API key or a console session, and complete for every endpoint Spring MVC maps under {@code /api/} — a
 * summary, a description, a declared tag, an operationId, a 2xx answer with a schema, examples, every problem
 * answer the request's shape can meet as {@code application/problem+json}, an example of every successful JSON
 * answer that its schema accepts ({@link ResponseExampleCheck}), and exactly the parameters the
 * handler reads, each described (no internal argument leaking in as a parameter). The served document is saved
 * as {@code docs/openapi/opsdesk.json}, which {@code docs/openapi/lint.sh} lints with Redocly and Spectral.
 */
class OpenApiDocumentIntegrationTests extends SignInTestSupport {

    private static final Path SAVED = Path.of("docs/openapi/opsdesk.json");
    private static final String PROBLEM_REF = "#/components/schemas/ProblemDetail";
    private static final Set<String> VERBS = Set.of("get", "put", "post", "delete", "patch");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    @Test
    void servesTheDescriptionOnlyToAnAuthenticatedCaller() {
        var anonymous = new ApiClient("http://127.0.0.1:" + port, null);
        var refused = anonymous.get("/v3/api-docs");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(anonymous.get("/v3/api-docs/swagger-config").status()).isEqualTo(401);
        var page = anonymous.get("/swagger-ui/index.html");
        assertThat(page.status()).isEqualTo(302);
        assertThat(page.header("location")).endsWith("/login");
        assertThat(anonymous
                        .get("/v3/api-docs", "Authorization", "Bearer opk_not_a_key")
                        .status())
                .isEqualTo(401);

        assertThat(document().status()).isEqualTo(200);
        assertThat(apiWith("workflows:view").get("/v3/api-docs").status()).isEqualTo(200);

        var browser = browser();
        assertThat(browser.get("/v3/api-docs").status()).isEqualTo(401);
        browser.signIn(operatorWithoutMfa(), PASSWORD);
        assertThat(browser.get("/v3/api-docs").status()).isEqualTo(200);
        assertThat(browser.get("/swagger-ui/index.html").status()).isEqualTo(200);
    }

    @Test
    void describesEveryOperationCompletely() throws IOException {
        var served = document();
        assertThat(served.status()).isEqualTo(200);
        Files.createDirectories(SAVED.getParent());
        Files.writeString(SAVED, served.json().toPrettyString() + "\n");
        JsonNode document = served.json();

        var declaredTags = new TreeSet<String>();
        for (JsonNode tag : document.path("tags")) {
            assertThat(tag.path("description").asString("")).as("tag " + tag).isNotBlank();
            declaredTags.add(tag.path("name").asString());
        }
        assertThat(document.path("components")
                        .path("securitySchemes")
                        .path("apiKey")
                        .path("scheme")
                        .asString(""))
                .isEqualTo("bearer");
        assertThat(document.path("security").toString()).contains("apiKey");
        assertProblemSchema(document.path("components").path("schemas"));

        JsonNode schemas = document.path("components").path("schemas");
        var handlers = handlers();
        var documented = new TreeSet<String>();
        var defects = new ArrayList<String>();
        document.path("paths")
                .properties()
                .forEach(path -> path.getValue().properties().forEach(entry -> {
                    if (!VERBS.contains(entry.getKey())) {
                        return;
                    }
                    String key = entry.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey();
                    documented.add(key);
                    HandlerMethod handler = handlers.get(key);
                    if (handler == null) {
                        defects.add(key + ": no handler maps it");
                        return;
                    }
                    check(key, entry.getValue(), handler, declaredTags, schemas, defects);
                }));
        assertThat(documented).as("operations in the document").isEqualTo(handlers.keySet());
        assertThat(defects).as("defects of the served API description").isEmpty();
    }

    /** A value the examples file keeps for a property no answer has any more is stale: it would rot unseen. */
    @Test
    void keepsNoExampleValueForAPropertyTheDocumentLacks() throws IOException {
        JsonNode schemas = document().json().path("components").path("schemas");
        var properties = new TreeSet<String>();
        schemas.properties().forEach(schema -> schema.getValue()
                .path("properties")
                .propertyNames()
                .forEach(property -> {
                    properties.add(schema.getKey() + "." + property);
                    properties.add(property);
                }));
        JsonNode values;
        try (var in = new ClassPathResource("openapi/response-examples.json").getInputStream()) {
            values = JsonMapper.builder().build().readTree(in);
        }
        var stale = new TreeSet<String>();
        values.propertyNames().stream()
                .filter(name -> !name.startsWith("_") && !properties.contains(name))
                .forEach(stale::add);
        assertThat(stale)
                .as("example values of properties the document does not have")
                .isEmpty();
    }

    private void check(
            String key,
            JsonNode operation,
            HandlerMethod handler,
            Set<String> tags,
            JsonNode schemas,
            List<String> defects) {
        for (String member : List.of("summary", "description", "operationId")) {
            if (operation.path(member).asString("").isBlank()) {
                defects.add(key + ": no " + member);
            }
        }
        if (operation.path("tags").isEmpty()) {
            defects.add(key + ": no tag");
        }
        operation.path("tags").forEach(tag -> {
            if (!tags.contains(tag.asString())) {
                defects.add(key + ": tag '" + tag.asString() + "' is not declared");
            }
        });
        boolean writes = key.startsWith("POST ") || key.startsWith("PATCH ");
        var parameters = new TreeSet<String>();
        boolean pathVariables = false;
        boolean query = false;
        boolean ifMatch = false;
        for (JsonNode parameter : operation.path("parameters")) {
            String name = parameter.path("name").asString();
            parameters.add(name);
            pathVariables |= parameter.path("in").asString().equals("path");
            query |= parameter.path("in").asString().equals("query");
            ifMatch |= name.equals("If-Match");
            if (parameter.path("description").asString("").isBlank()) {
                defects.add(key + ": parameter '" + name + "' is not described");
            }
            if (parameter.path("schema").isMissingNode()) {
                defects.add(key + ": parameter '" + name + "' has no schema");
            }
        }
        var read = readParameters(handler, writes);
        if (!parameters.equals(read)) {
            defects.add(key + ": documents parameters " + parameters + " but the handler reads " + read);
        }
        boolean body = !operation.path("requestBody").isMissingNode();
        if (body) {
            operation.path("requestBody").path("content").properties().forEach(media -> {
                if (media.getValue().path("schema").isMissingNode()) {
                    defects.add(key + ": request body " + media.getKey() + " has no schema");
                }
                if (!hasExample(media.getValue())) {
                    defects.add(key + ": request body " + media.getKey() + " has no example");
                }
            });
        }
        var responses = operation.path("responses");
        boolean success = false;
        for (var response : responses.properties()) {
            String status = response.getKey();
            JsonNode content = response.getValue().path("content");
            if (status.startsWith("2")) {
                success = true;
                if (!status.equals("204") && content.isEmpty()) {
                    defects.add(key + ": answer " + status + " has no content");
                }
                content.properties().forEach(media -> {
                    if (media.getValue().path("schema").isMissingNode()) {
                        defects.add(key + ": answer " + status + " " + media.getKey() + " has no schema");
                    } else if (media.getKey().equals("application/json")) {
                        String answer = key + ": answer " + status;
                        defects.addAll(ResponseExampleCheck.defects(answer, media.getValue(), schemas));
                    }
                });
            }
            if (status.startsWith("4")
                    && !PROBLEM_REF.equals(content.path("application/problem+json")
                            .path("schema")
                            .path("$ref")
                            .asString(""))) {
                defects.add(key + ": answer " + status + " is not an application/problem+json ProblemDetail");
            }
        }
        if (!success) {
            defects.add(key + ": no 2xx answer");
        }
        var problems = new TreeSet<>(List.of("401", "403", "429"));
        if (pathVariables) {
            problems.add("404");
        }
        if (body || query || writes) {
            problems.add("422");
        }
        if (body || writes) {
            problems.addAll(List.of("400", "413"));
        }
        if (writes) {
            problems.add("409");
        }
        if (ifMatch) {
            problems.add("412");
        }
        for (String status : problems) {
            if (responses.path(status).isMissingNode()) {
                defects.add(key + ": problem answer " + status + " is not documented");
            }
        }
    }

    /** What the handler actually reads from the request, or declares it reads with {@code @Parameter}. */
    private static Set<String> readParameters(HandlerMethod handler, boolean writes) {
        var names = new TreeSet<String>();
        names.add("X-Request-Id");
        if (writes) {
            names.add("Idempotency-Key");
        }
        for (MethodParameter parameter : handler.getMethodParameters()) {
            parameter.initParameterNameDiscovery(new DefaultParameterNameDiscoverer());
            String name = parameter.getParameterName();
            var path = parameter.getParameterAnnotation(PathVariable.class);
            var query = parameter.getParameterAnnotation(RequestParam.class);
            var header = parameter.getParameterAnnotation(RequestHeader.class);
            if (path != null) {
                names.add(path.name().isEmpty() ? name : path.name());
            } else if (query != null && !Map.class.isAssignableFrom(parameter.getParameterType())) {
                names.add(query.name().isEmpty() ? name : query.name());
            } else if (header != null) {
                names.add(header.name().isEmpty() ? name : header.name());
            }
        }
        AnnotatedElementUtils.findMergedRepeatableAnnotations(handler.getMethod(), Parameter.class, Parameters.class)
                .stream()
                .filter(parameter -> !parameter.hidden())
                .forEach(parameter -> names.add(parameter.name()));
        return names;
    }

    private static boolean hasExample(JsonNode media) {
        return !media.path("example").isMissingNode() || !media.path("examples").isMissingNode();
    }

    private static void assertProblemSchema(JsonNode schemas) {
        JsonNode problem = schemas.path("ProblemDetail");
        assertThat(problem.path("properties").propertyNames())
                .contains("type", "title", "status", "detail", "errors", "requestId");
        assertThat(problem.path("properties").path("type").path("description").asString())
                .contains("urn:opsdesk:problem:")
                .contains("`invalid-input`")
                .contains("`stale-version`")
                .contains("`rate-limited`");
        assertThat(problem.path("properties")
                        .path("errors")
                        .path("items")
                        .path("$ref")
                        .asString())
                .isEqualTo("#/components/schemas/FieldError");
        assertThat(schemas.path("FieldError").path("properties").propertyNames())
                .contains("field", "message");
    }

    /** The document as an integrator fetches it; the first request builds it, which takes a while on a busy machine. */
    private ApiClient.Response document() {
        var client = api();
        return client.send(
                client.request("/v3/api-docs").timeout(Duration.ofMinutes(3)).GET());
    }

    /** Every API endpoint Spring MVC maps, as "METHOD /path" the way the document spells it. */
    private Map<String, HandlerMethod> handlers() {
        var handlers = new TreeMap<String, HandlerMethod>();
        mapping.getHandlerMethods().forEach((RequestMappingInfo info, HandlerMethod handler) -> {
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/api/")) {
                    continue;
                }
                for (RequestMethod method : info.getMethodsCondition().getMethods()) {
                    handlers.put(method.name() + " " + pattern, handler);
                }
            }
        });
        return handlers;
    }

    /** An operator of a role that needs no second factor, so the session is signed in by the password alone. */
    private String operatorWithoutMfa() {
        String role = "docs-reader-" + Long.toHexString(System.nanoTime());
        var created = api().post(
                        "/api/v1/roles",
                        "{\"name\":\"" + role + "\",\"permissions\":[\"workflows:view\"],\"mfaRequired\":false}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return operator(role);
    }
}
