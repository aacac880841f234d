package org.opsdesk.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.opsdesk.support.IntegrationTest;

/** Metrics only for the scraper holding the token; health probes for everyone (review of 2026-12). */
class MetricsScrapeIntegrationTests extends IntegrationTest {

    @Test
    void servesMetricsOnlyWithTheScrapeToken() {
        var anonymous = api().withKey(null).get("/actuator/prometheus");
        var wrong = api().get("/actuator/prometheus", "Authorization", "Bearer " + SCRAPE_TOKEN + "x");
        var apiKey = api().get("/actuator/prometheus");
        var scraper = api().get("/actuator/prometheus", "Authorization", "Bearer " + SCRAPE_TOKEN);

        for (var refused : java.util.List.of(anonymous, wrong, apiKey)) {
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.header("www-authenticate")).isEqualTo("Bearer realm=\"metrics\"");
            assertThat(refused.body()).doesNotContain("jvm_");
        }
        assertThat(scraper.status()).isEqualTo(200);
        assertThat(scraper.body()).contains("jvm_memory_used_bytes");
    }

    /**
     * Spring Security's own observations are off (no observation around each of its filters, ADR 0019); the
     * request timer operators alert on still counts every API request, with its route.
     */
    @Test
    void timesApiRequestsWithoutObservingEachSecurityFilter() {
        assertThat(api().get("/api/v1/workflows").status()).isEqualTo(200);

        var scraped = api().get("/actuator/prometheus", "Authorization", "Bearer " + SCRAPE_TOKEN);

        assertThat(scraped.body())
                .containsPattern("http_server_requests_seconds_count\\{[^}]*uri=\"/api/v1/workflows\"")
                .doesNotContain("spring_security_filterchains");
    }

    @Test
    void keepsTheHealthProbesOpen() {
        for (String probe :
                new String[] {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"}) {
            assertThat(api().withKey(null).get(probe).status()).as(probe).isEqualTo(200);
        }
    }
}
