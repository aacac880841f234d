package org.opsdesk.provider.outcomes;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Lets exactly {@code POST /api/v1/provider/outcomes} through without an API key: the provider has none, and the
 * handler authenticates the request by its signature before reading it. A chain of its own ahead of the API
 * chain, matching only that method and path (the operators' {@code /api/v1/provider/...} endpoints stay on the API
 * chain with their keys): stateless, no session, no cookies — so no CSRF token either, as there is no ambient
 * credential a forged request could ride on; the signature over the body is what a forger lacks.
 */
@Configuration(proxyBeanMethods = false)
class CallbackSecurity {

    @Bean
    @Order(0)
    SecurityFilterChain providerCallbackChain(HttpSecurity http) throws Exception {
        return http.securityMatcher(
                        PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, OutcomeCallbackApi.PATH))
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .securityContext(
                        context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .sessionManagement(AbstractHttpConfigurer::disable)
                .csrf(AbstractHttpConfigurer::disable) // no cookies: the signature authenticates, see above
                .requestCache(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .anonymous(AbstractHttpConfigurer::disable)
                .build();
    }
}
