package org.opsdesk.platform.web;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** The metrics endpoint behind its scrape token ({@link MetricsScrapeGuard}), ahead of every other filter. */
@Configuration(proxyBeanMethods = false)
class MetricsConfiguration {

    @Bean
    FilterRegistrationBean<MetricsScrapeGuard> metricsScrapeGuard(
            @Value("${opsdesk.metrics.scrape-token:}") @Nullable String token, ProblemWriter problems) {
        var registration = new FilterRegistrationBean<>(new MetricsScrapeGuard(token, problems));
        registration.addUrlPatterns(MetricsScrapeGuard.PATH, MetricsScrapeGuard.PATH + "/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }
}
