package org.opsdesk.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opsdesk.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * The application runs exactly one resource URL encoding filter, the one that asks about file links only: Boot's
 * own (which asks about every link) steps aside for it, and the portal's pages still carry their static links.
 */
class StaticLinkEncodingIntegrationTests extends IntegrationTest {

    @Autowired
    List<FilterRegistrationBean<?>> registrations;

    @Test
    void replacesBootsResourceUrlEncodingFilter() {
        var encoding = registrations.stream()
                .map(FilterRegistrationBean::getFilter)
                .filter(ResourceUrlEncodingFilter.class::isInstance)
                .toList();

        assertThat(encoding).hasSize(1).first().isInstanceOf(StaticLinkEncodingFilter.class);
    }

    @Test
    void portalPagesKeepTheirLinks() throws Exception {
        var page = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/portal/sign-in"))
                                .header("Accept", "text/html")
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("href=\"/css/portal.css\"").contains("href=\"/portal/register\"");
    }
}
