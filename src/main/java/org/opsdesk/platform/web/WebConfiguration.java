package org.opsdesk.platform.web;

import jakarta.servlet.DispatcherType;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;
import tools.jackson.databind.json.JsonMapper;

/** The API's servlet filters, in the order they must run around Spring Security (which sits at -100). */
@Configuration(proxyBeanMethods = false)
class WebConfiguration {

    private static final Logger log = LoggerFactory.getLogger(WebConfiguration.class);

    @Bean
    ProblemWriter problemWriter(JsonMapper json) {
        return new ProblemWriter(json);
    }

    /** Request mappings looked up through an index by path, not by checking every mapping (ADR 0019). */
    @Bean
    WebMvcRegistrations pathIndexedRequestMappings() {
        return new WebMvcRegistrations() {
            @Override
            public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
                return new PathIndexedRequestMappings();
            }
        };
    }

    /**
     * In place of the resource URL encoding Boot registers (same dispatcher types), asking the resource resolvers
     * about file links only ({@link StaticLinkEncodingFilter}).
     */
    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
        var registration = new FilterRegistrationBean<ResourceUrlEncodingFilter>(new StaticLinkEncodingFilter());
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
        return registration;
    }

    @Bean
    FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
        var registration = new FilterRegistrationBean<>(new RequestIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    UploadPaths uploadPaths(
            @Value("${opsdesk.uploads.paths}") java.util.List<String> paths,
            @Value("${opsdesk.uploads.max-bytes}") long maxBytes) {
        return new UploadPaths(paths, maxBytes);
    }

    @Bean
    FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimitFilter(
            @Value("${opsdesk.api.max-body-bytes}") long limit, UploadPaths uploads, ProblemWriter problems) {
        var registration = new FilterRegistrationBean<>(new BodySizeLimitFilter(limit, uploads, problems));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        registration.addUrlPatterns("/api/*");
        return registration;
    }

    @Bean
    FilterRegistrationBean<ConsoleFormLimit> consoleFormLimit(
            @Value("${opsdesk.console.max-form-bytes}") long limit, UploadPaths uploads) {
        var registration = new FilterRegistrationBean<>(new ConsoleFormLimit(limit, uploads));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    @Bean
    FilterRegistrationBean<QueryParameterGuard> queryParameterGuard(ProblemWriter problems) {
        var registration = new FilterRegistrationBean<>(new QueryParameterGuard(problems));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        registration.addUrlPatterns("/api/*");
        return registration;
    }

    @Bean
    IdempotencyStore idempotencyStore(JdbcClient jdbc, JsonMapper json) {
        return new IdempotencyStore(jdbc, json);
    }

    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(
            IdempotencyStore store, PlatformTransactionManager transactions, ProblemWriter problems, Clock clock) {
        var registration = new FilterRegistrationBean<>(new IdempotencyFilter(store, transactions, problems, clock));
        registration.setOrder(0); // after authentication: keys are scoped to the principal
        registration.addUrlPatterns("/api/*");
        return registration;
    }

    @Bean
    IdempotencyRetention idempotencyRetention(
            IdempotencyStore store, Clock clock, @Value("${opsdesk.api.idempotency-retention}") Duration retention) {
        if (retention.compareTo(Duration.ofHours(24)) < 0) {
            throw new IllegalStateException(
                    "opsdesk.api.idempotency-retention must be at least PT24H, found " + retention);
        }
        return new IdempotencyRetention(store, clock, retention);
    }

    /**
     * Forgets keys past their retention (at least 24 hours, per the draft's guidance), {@value #BATCH} per
     * statement, each batch its own transaction, until none is left.
     */
    record IdempotencyRetention(IdempotencyStore store, Clock clock, Duration retention) {
        static final int BATCH = 1_000;

        @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
        void forgetExpiredKeys() {
            long deleted = forgetKeysOlderThan(clock.instant().minus(retention), BATCH);
            if (deleted > 0) {
                log.info("Forgot {} idempotency keys older than {}", deleted, retention);
            }
        }

        /** How many keys were forgotten, in batches of at most {@code batch}. */
        long forgetKeysOlderThan(java.time.Instant cutoff, int batch) {
            long total = 0;
            int deleted;
            do {
                deleted = store.deleteOlderThan(cutoff, batch);
                total += deleted;
            } while (deleted == batch);
            return total;
        }
    }
}
