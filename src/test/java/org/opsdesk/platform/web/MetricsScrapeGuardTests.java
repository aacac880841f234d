package org.opsdesk.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/** Without a configured scrape token nobody reads the metrics; with one, only its holder. */
class MetricsScrapeGuardTests {

    @Test
    void refusesEveryoneWhenNoTokenIsConfigured() throws Exception {
        var response = scrape(new MetricsScrapeGuard("", writer()), "Bearer anything");

        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getContentAsString()).contains("opsdesk.metrics.scrape-token");
    }

    @Test
    void letsOnlyTheTokenThrough() throws Exception {
        var guard = new MetricsScrapeGuard("s3cret-token", writer());

        assertThat(scrape(guard, "Bearer s3cret-token").getStatus()).isEqualTo(200);
        assertThat(scrape(guard, "bearer s3cret-token").getStatus()).isEqualTo(200);
        assertThat(scrape(guard, "Bearer s3cret-tokem").getStatus()).isEqualTo(401);
        assertThat(scrape(guard, "Basic czNjcmV0LXRva2Vu").getStatus()).isEqualTo(401);
        assertThat(scrape(guard, null).getStatus()).isEqualTo(401);
    }

    private static MockHttpServletResponse scrape(MetricsScrapeGuard guard, String authorization) throws Exception {
        var request = new MockHttpServletRequest("GET", "/actuator/prometheus");
        if (authorization != null) {
            request.addHeader("Authorization", authorization);
        }
        var response = new MockHttpServletResponse();
        guard.doFilter(request, response, new MockFilterChain());
        return response;
    }

    private static ProblemWriter writer() {
        return new ProblemWriter(JsonMapper.builder().build());
    }
}
