package org.opsdesk.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticApplicationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/** The indexed lookup answers every request exactly as Spring's own mappings do, on the same controllers. */
class PathIndexedRequestMappingsTests {

    @RestController
    @RequestMapping("/api/v1/things")
    static class Things {
        @GetMapping
        String list() {
            return "list";
        }

        @GetMapping("/{id}")
        String one(@PathVariable String id) {
            return id;
        }

        @PostMapping(path = "/{id}/moves", consumes = "application/json")
        String move(@PathVariable String id) {
            return id;
        }

        @GetMapping("/{id}.{format}")
        String formatted(@PathVariable String id, @PathVariable String format) {
            return id + format;
        }
    }

    @RestController
    static class Pages {
        @GetMapping("/things/{id}")
        String page(@PathVariable String id) {
            return id;
        }

        @GetMapping("/**")
        String everythingElse() {
            return "fallback";
        }

        @GetMapping("/api/v1/things/special")
        String special() {
            return "special";
        }

        @GetMapping({"/a/{x}", "/a/b/{y}"}) // two keys: "/a/" and "/a/b/"
        String twoPatterns() {
            return "two";
        }

        @GetMapping("/same/{a}")
        String sameA() {
            return "a";
        }

        @GetMapping("/same/{b}") // as specific as the one above: Spring calls it ambiguous
        String sameB() {
            return "b";
        }
    }

    @Test
    void takesTheTextOfAPatternUpToItsFirstVariableOrWildcard() {
        assertThat(PathIndexedRequestMappings.literalBeginning("/api/v1/operations/{id}/transitions"))
                .isEqualTo("/api/v1/operations/");
        assertThat(PathIndexedRequestMappings.literalBeginning("/swagger-ui/**"))
                .isEqualTo("/swagger-ui/");
        assertThat(PathIndexedRequestMappings.literalBeginning("/file?.txt")).isEqualTo("/file");
        assertThat(PathIndexedRequestMappings.literalBeginning("/login")).isEqualTo("/login");
    }

    @Test
    void choosesTheSameHandlerAsSpringsOwnMappingsForEveryKindOfPath() throws Exception {
        var ours = mappings(new PathIndexedRequestMappings());
        var springs = mappings(new RequestMappingHandlerMapping());
        List<MockHttpServletRequest> requests = List.of(
                request("GET", "/api/v1/things"),
                request("GET", "/api/v1/things/42"),
                request("POST", "/api/v1/things/42/moves"),
                request("GET", "/api/v1/things/42.csv"),
                request("GET", "/api/v1/th%69ngs/42"), // escaped: matched decoded
                request("GET", "/api/v1/things;v=1/42"), // a path parameter
                request("GET", "/things/7"),
                request("GET", "/nowhere/at/all"),
                request("GET", "/api/v1/things/42/moves"), // only POST is mapped there: the fallback
                request("DELETE", "/api/v1/things/42"), // 405
                request("HEAD", "/api/v1/things/42"), // answered by the GET mapping
                request("OPTIONS", "/api/v1/things/42"),
                request("GET", "/api/v1/things/special"), // an exact path, beside a pattern that matches it too
                request("GET", "/a/b/c"), // reached under both keys of one mapping: one match
                request("GET", "/a/q"),
                request("GET", "/same/1"), // ambiguous
                request("GET", "/"),
                request("POST", "/api/v1/things/42/moves", "text/plain")); // 415
        for (var request : requests) {
            assertThat(handler(ours, request))
                    .as(request.getMethod() + " " + request.getRequestURI())
                    .isEqualTo(handler(springs, request));
        }
        assertThat(handler(ours, request("POST", "/api/v1/things/42/moves")))
                .isEqualTo("move {id=42} /api/v1/things/{id}/moves");
        assertThat(handler(ours, request("GET", "/a/b/c"))).startsWith("twoPatterns {y=c}");
        assertThat(handler(ours, request("GET", "/same/1"))).startsWith("IllegalStateException: Ambiguous");
        assertThat(handler(ours, request("GET", "/api/v1/th%69ngs/42"))).startsWith("one {id=42}");
        assertThat(handler(ours, request("DELETE", "/api/v1/things/42")))
                .startsWith("HttpRequestMethodNotSupportedException");
        assertThat(handler(ours, request("HEAD", "/api/v1/things/42"))).startsWith("one ");
        assertThat(handler(ours, request("POST", "/api/v1/things/42/moves", "text/plain")))
                .startsWith("HttpMediaTypeNotSupportedException");
    }

    @Test
    void checksTheSameFewMappingsHoweverManyOthersAreRegistered() throws Exception {
        // each mapping Spring checks reads the request's method: count the reads, with and without twelve more
        // mappings elsewhere (/reports/…) that cannot match the path
        int ours = methodReads(mappings(new PathIndexedRequestMappings(), false));
        int oursWithMore = methodReads(mappings(new PathIndexedRequestMappings(), true));
        int springs = methodReads(mappings(new RequestMappingHandlerMapping(), false));
        int springsWithMore = methodReads(mappings(new RequestMappingHandlerMapping(), true));

        assertThat(springsWithMore).as("Spring checks every mapping").isGreaterThanOrEqualTo(springs + 10);
        assertThat(oursWithMore)
                .as("the index passes over those that cannot match")
                .isEqualTo(ours);
        assertThat(ours).isLessThan(springs);
    }

    private static int methodReads(RequestMappingHandlerMapping mappings) throws Exception {
        var reads = new java.util.concurrent.atomic.AtomicInteger();
        var request = new jakarta.servlet.http.HttpServletRequestWrapper(request("POST", "/api/v1/things/42/moves")) {
            @Override
            public String getMethod() {
                reads.incrementAndGet();
                return super.getMethod();
            }
        };
        ServletRequestPathUtils.parseAndCache(request);
        assertThat(((HandlerMethod) mappings.getHandler(request).getHandler())
                        .getMethod()
                        .getName())
                .isEqualTo("move");
        return reads.get();
    }

    private static RequestMappingHandlerMapping mappings(RequestMappingHandlerMapping mappings)
            throws NoSuchMethodException {
        return mappings(mappings, false);
    }

    private static RequestMappingHandlerMapping mappings(RequestMappingHandlerMapping mappings, boolean reports)
            throws NoSuchMethodException {
        var context = new StaticApplicationContext();
        context.registerSingleton("things", Things.class);
        context.registerSingleton("pages", Pages.class);

        context.refresh();
        mappings.setApplicationContext(context);
        mappings.afterPropertiesSet();
        if (reports) { // registered at run time, as an actuator or a library may: /reports/0/{id} … /reports/11/{id}
            for (int i = 0; i < 12; i++) {
                mappings.registerMapping(
                        RequestMappingInfo.paths("/reports/" + i + "/{id}")
                                .methods(i % 2 == 0 ? RequestMethod.GET : RequestMethod.POST)
                                .options(mappings.getBuilderConfiguration())
                                .build(),
                        "things",
                        Things.class.getDeclaredMethod("one", String.class));
            }
        }
        return mappings;
    }

    private static MockHttpServletRequest request(String method, String uri) {
        return request(method, uri, "application/json");
    }

    private static MockHttpServletRequest request(String method, String uri, String contentType) {
        var request = new MockHttpServletRequest(method, uri);
        if (method.equals("POST")) {
            request.setContentType(contentType);
            request.setContent("{}".getBytes());
        }
        return request;
    }

    private static String handler(RequestMappingHandlerMapping mappings, MockHttpServletRequest request) {
        ServletRequestPathUtils.parseAndCache(request);
        try {
            HandlerExecutionChain chain = mappings.getHandler(request);
            // the handler, and what it will be given: the path's variables and the pattern that matched
            return chain == null
                    ? "none"
                    : ((HandlerMethod) chain.getHandler()).getMethod().getName() + " "
                            + request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) + " "
                            + request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        } catch (Exception refused) { // 405, 415...: the same refusal, for the same reason
            return refused.getClass().getSimpleName() + ": " + refused.getMessage();
        } finally {
            ServletRequestPathUtils.clearParsedRequestPath(request);
        }
    }
}
