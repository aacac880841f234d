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
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

class LiteralPrefixRequestMappingsTests {

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
    }

    @Test
    void takesTheTextOfAPatternUpToItsFirstVariableOrWildcard() {
        assertThat(LiteralPrefixRequestMappings.literalBeginning("/api/v1/operations/{id}/transitions"))
                .isEqualTo("/api/v1/operations/");
        assertThat(LiteralPrefixRequestMappings.literalBeginning("/swagger-ui/**"))
                .isEqualTo("/swagger-ui/");
        assertThat(LiteralPrefixRequestMappings.literalBeginning("/file?.txt")).isEqualTo("/file");
        assertThat(LiteralPrefixRequestMappings.literalBeginning("/login")).isEqualTo("/login");
    }

    @Test
    void choosesTheSameHandlerAsSpringsOwnMappingsForEveryKindOfPath() throws Exception {
        var ours = mappings(new LiteralPrefixRequestMappings());
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
                request("OPTIONS", "/api/v1/things/42"));
        for (var request : requests) {
            assertThat(handler(ours, request))
                    .as(request.getMethod() + " " + request.getRequestURI())
                    .isEqualTo(handler(springs, request));
        }
        assertThat(handler(ours, request("POST", "/api/v1/things/42/moves"))).isEqualTo("move");
        assertThat(handler(ours, request("GET", "/api/v1/th%69ngs/42"))).isEqualTo("one");
        assertThat(handler(ours, request("DELETE", "/api/v1/things/42")))
                .startsWith("HttpRequestMethodNotSupportedException");
        assertThat(handler(ours, request("HEAD", "/api/v1/things/42"))).isEqualTo("one");
    }

    private static RequestMappingHandlerMapping mappings(RequestMappingHandlerMapping mappings) {
        var context = new StaticApplicationContext();
        context.registerSingleton("things", Things.class);
        context.registerSingleton("pages", Pages.class);
        context.refresh();
        mappings.setApplicationContext(context);
        mappings.afterPropertiesSet();
        return mappings;
    }

    private static MockHttpServletRequest request(String method, String uri) {
        var request = new MockHttpServletRequest(method, uri);
        if (method.equals("POST")) {
            request.setContentType("application/json");
            request.setContent("{}".getBytes());
        }
        return request;
    }

    private static String handler(RequestMappingHandlerMapping mappings, MockHttpServletRequest request) {
        ServletRequestPathUtils.parseAndCache(request);
        try {
            HandlerExecutionChain chain = mappings.getHandler(request);
            return chain == null
                    ? "none"
                    : ((HandlerMethod) chain.getHandler()).getMethod().getName();
        } catch (Exception refused) { // 405, 415...: the same refusal, for the same reason
            return refused.getClass().getSimpleName() + ": " + refused.getMessage();
        } finally {
            ServletRequestPathUtils.clearParsedRequestPath(request);
        }
    }
}
