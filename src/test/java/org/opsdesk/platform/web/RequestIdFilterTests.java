package org.opsdesk.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.opsdesk.shared.RequestIds;
import org.slf4j.MDC;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * A request without a usable {@code X-Request-Id} gets a fresh random UUID (version 4, IETF variant) in its response
 * and in the log context while it runs; a sane one given by the caller is kept as it is.
 */
class RequestIdFilterTests {

    @Test
    void makesARandomVersionFourUuidWhenTheCallerGaveNone() throws Exception {
        var seen = new HashSet<String>();
        for (int i = 0; i < 1_000; i++) {
            var response = new MockHttpServletResponse();
            var logged = new AtomicReference<String>();
            new RequestIdFilter()
                    .doFilter(
                            new MockHttpServletRequest("GET", "/operations"),
                            response,
                            new MockFilterChain(
                                    new jakarta.servlet.http.HttpServlet() {},
                                    (request, ignored, chain) -> logged.set(MDC.get(RequestIds.MDC_KEY))));
            String id = response.getHeader(RequestIds.HEADER);
            UUID uuid = UUID.fromString(id);
            assertThat(uuid.version()).isEqualTo(4);
            assertThat(uuid.variant()).isEqualTo(2);
            assertThat(uuid.toString()).isEqualTo(id);
            assertThat(logged.get()).isEqualTo(id);
            seen.add(id);
        }
        assertThat(seen).hasSize(1_000);
        assertThat(MDC.get(RequestIds.MDC_KEY)).as("cleared after the request").isNull();
    }

    @Test
    void keepsASaneIdTheCallerGaveAndReplacesAnInsaneOne() throws Exception {
        var given = new MockHttpServletRequest("GET", "/operations");
        given.addHeader(RequestIds.HEADER, "checkout-7f3a:42");
        var kept = new MockHttpServletResponse();
        new RequestIdFilter().doFilter(given, kept, new MockFilterChain());
        assertThat(kept.getHeader(RequestIds.HEADER)).isEqualTo("checkout-7f3a:42");

        var forged = new MockHttpServletRequest("GET", "/operations");
        forged.addHeader(RequestIds.HEADER, "line\nbreak");
        var replaced = new MockHttpServletResponse();
        new RequestIdFilter().doFilter(forged, replaced, new MockFilterChain());
        assertThat(UUID.fromString(replaced.getHeader(RequestIds.HEADER)).version())
                .isEqualTo(4);
    }
}
