package org.opsdesk.exchange.publicrates;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.opsdesk.shared.AddressRateLimitFilter;
import org.opsdesk.shared.AddressRateLimiter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.cors.DefaultCorsProcessor;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;

/**
 * Lets exactly the public rate files through without sign-in: a chain matching only their three paths (GET, HEAD
 * and the JSON's CORS preflight), stateless, no session, no cookies, ahead of the API's and the console's chains,
 * which keep refusing everything else to anonymous callers. CORS for the JSON only, for the origins in {@code
 * opsdesk.exchange.public.allowed-origins} (none by default), never with credentials; another origin gets the
 * JSON without CORS headers (its browser will not hand it over), and its preflight is refused. Every request
 * first passes the per-address rate limit of the public endpoints ({@code opsdesk.public.rate-limit.*}).
 */
@Configuration(proxyBeanMethods = false)
class PublicRatesSecurity {

    @Bean
    @Order(0)
    SecurityFilterChain publicRatesChain(
            HttpSecurity http,
            @Value("${opsdesk.exchange.public.allowed-origins:}") String allowedOrigins,
            AddressRateLimiter rateLimiter)
            throws Exception {
        return http.securityMatcher(PublicRatesController.PATHS.toArray(String[]::new))
                .authorizeHttpRequests(requests -> requests.requestMatchers(
                                org.springframework.http.HttpMethod.GET,
                                PublicRatesController.PATHS.toArray(String[]::new))
                        .permitAll()
                        .requestMatchers(
                                org.springframework.http.HttpMethod.HEAD,
                                PublicRatesController.PATHS.toArray(String[]::new))
                        .permitAll()
                        .anyRequest()
                        .denyAll())
                // CORS first, so that an allowed origin's page can read a 429 too
                .addFilterBefore(cors(origins(allowedOrigins)), HeaderWriterFilter.class)
                .addFilterBefore(
                        new AddressRateLimitFilter(rateLimiter, request -> request.getRequestURI()
                                .equals(request.getContextPath() + PublicRatesController.JSON_PATH)),
                        HeaderWriterFilter.class)
                .securityContext(
                        context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .sessionManagement(AbstractHttpConfigurer::disable)
                .csrf(AbstractHttpConfigurer::disable) // read-only, no cookies
                .requestCache(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .anonymous(AbstractHttpConfigurer::disable)
                // the answers carry their own Cache-Control (revalidate with the ETag)
                .headers(headers -> headers.cacheControl(cache -> cache.disable()))
                .build();
    }

    static List<String> origins(String configured) {
        return Arrays.stream(configured.split(","))
                .map(String::strip)
                .filter(origin -> !origin.isEmpty())
                .toList();
    }

    private static CorsFilter cors(List<String> origins) {
        var config = new CorsConfiguration();
        config.setAllowedOrigins(origins);
        config.setAllowedMethods(List.of("GET", "HEAD"));
        config.setAllowedHeaders(List.of("If-None-Match", "If-Modified-Since"));
        config.setExposedHeaders(List.of(HttpHeaders.ETAG, HttpHeaders.LAST_MODIFIED));
        config.setAllowCredentials(false);
        config.setMaxAge(3600L);
        var source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration(PublicRatesController.JSON_PATH, config);
        var filter = new CorsFilter(source);
        filter.setCorsProcessor(new OtherOriginsWithoutHeaders());
        return filter;
    }

    /**
     * A simple request from an origin not allowed gets its answer without CORS headers instead of a 403: readers
     * that send an {@code Origin} needlessly (proxies, server-side fetchers) still get the rates, and browsers of
     * other sites still cannot read them. Preflights from such origins are refused as usual.
     */
    private static final class OtherOriginsWithoutHeaders extends DefaultCorsProcessor {
        @Override
        public boolean processRequest(
                @Nullable CorsConfiguration config, HttpServletRequest request, HttpServletResponse response)
                throws IOException {
            if (config != null
                    && !CorsUtils.isPreFlightRequest(request)
                    && config.checkOrigin(request.getHeader(HttpHeaders.ORIGIN)) == null) {
                response.addHeader(HttpHeaders.VARY, HttpHeaders.ORIGIN);
                return true;
            }
            return super.processRequest(config, request, response);
        }
    }
}
