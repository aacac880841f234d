package org.opsdesk.exchange.widget;

import org.opsdesk.shared.AddressRateLimitFilter;
import org.opsdesk.shared.AddressRateLimiter;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.header.HeaderWriterFilter;

/**
 * Lets exactly the widget's two paths through without sign-in, in a chain of their own ahead of the console's,
 * which keeps refusing everything else to anonymous callers: stateless, no session, no cookies, no CSRF (nothing
 * here changes anything), {@link WidgetHeaders}, then the per-address rate limit of the public endpoints.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WidgetSettings.class)
class WidgetSecurity {

    @Bean
    @Order(0)
    SecurityFilterChain widgetChain(HttpSecurity http, WidgetSettings settings, AddressRateLimiter rateLimiter)
            throws Exception {
        return http.securityMatcher(WidgetController.PAGE, WidgetController.QUOTE)
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll()) // methods: WidgetHeaders
                // the framing first, so that a 429 still shows inside the parent's frame
                .addFilterBefore(new WidgetHeaders(settings.frameAncestors()), HeaderWriterFilter.class)
                .addFilterBefore(new AddressRateLimitFilter(rateLimiter, request -> false), HeaderWriterFilter.class)
                .securityContext(
                        context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .sessionManagement(AbstractHttpConfigurer::disable)
                .csrf(AbstractHttpConfigurer::disable) // GET only, no cookies
                .requestCache(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .anonymous(AbstractHttpConfigurer::disable)
                // WidgetHeaders writes the framing policy and the caching; Spring Security must not add its own
                .headers(headers ->
                        headers.frameOptions(frame -> frame.disable()).cacheControl(cache -> cache.disable()))
                .build();
    }
}
