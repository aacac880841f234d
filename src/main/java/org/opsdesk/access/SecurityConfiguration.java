package org.opsdesk.access;

import jakarta.servlet.DispatcherType;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.opsdesk.access.audit.SecurityLog;
import org.opsdesk.access.gate.CurrentActor;
import org.opsdesk.access.gate.PermissionGate;
import org.opsdesk.access.keys.ApiKeyAuthenticationFilter;
import org.opsdesk.access.keys.ApiKeyCache;
import org.opsdesk.access.keys.ApiKeyRateLimiter;
import org.opsdesk.access.keys.ApiKeyRevocationListener;
import org.opsdesk.access.keys.ApiKeyStanding;
import org.opsdesk.access.keys.ApiKeyStore;
import org.opsdesk.access.keys.ProblemResponses;
import org.opsdesk.access.operators.PasswordHashing;
import org.opsdesk.access.signin.ConsolePaths;
import org.opsdesk.shared.Actor;
import org.opsdesk.workflow.Workflows;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two filter chains: the API (stateless, API keys, problem responses, no cookies) and the console (sessions in
 * PostgreSQL, sign-in pages, CSRF tokens on every form; health and metrics open), and between them the API
 * description, served to a caller with an API key or a console session. Security headers are written on every
 * response by {@link SecurityHeadersFilter}, ahead of all three.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration implements WebMvcConfigurer {

    /** The API description (springdoc) and Swagger UI. */
    static final String[] API_DOCS = {"/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**"};

    private final Workflows workflows;

    SecurityConfiguration(Workflows workflows) {
        this.workflows = workflows;
    }

    @Bean
    ProblemResponses problemResponses(JsonMapper json) {
        return new ProblemResponses(json);
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(
            HttpSecurity http,
            ApiKeyStore keys,
            ApiKeyStanding keyStanding,
            ApiKeyCache keyCache,
            ProblemResponses problems,
            SecurityLog securityLog,
            Clock clock,
            @Value("${opsdesk.api.rate-limit.per-second}") int ratePerSecond)
            throws Exception {
        return http.securityMatcher("/api/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .addFilterBefore(
                        new ApiKeyAuthenticationFilter(
                                keys,
                                keyStanding,
                                keyCache,
                                problems,
                                new ApiKeyRateLimiter(ratePerSecond),
                                securityLog,
                                clock),
                        AnonymousAuthenticationFilter.class)
                // stateless: the context lives for the request only (what STATELESS chose), and no filter asks
                // after sessions, a logout URL or the servlet API's principal; each would wrap or inspect every
                // request (ADR 0019)
                .securityContext(
                        context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .sessionManagement(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .servletApi(AbstractHttpConfigurer::disable)
                .csrf(
                        AbstractHttpConfigurer
                                ::disable) // bearer keys, no cookies: nothing for a forged request to ride on
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .exceptionHandling(
                        errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .build();
    }

    /**
     * The API description and Swagger UI: for a caller with a valid API key or a signed-in console session only,
     * since the document maps every endpoint and parameter. Its matcher does not overlap the API chain's.
     */
    @Bean
    @Order(1)
    SecurityFilterChain apiDocsChain(
            HttpSecurity http,
            SecurityContextRepository operatorSessions,
            ApiKeyStore keys,
            ApiKeyStanding standing,
            ApiKeyCache keyCache,
            ProblemResponses problems,
            SecurityLog securityLog,
            Clock clock,
            @Value("${opsdesk.api.rate-limit.per-second}") int ratePerSecond)
            throws Exception {
        return http.securityMatcher(API_DOCS)
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .securityContext(context -> context.securityContextRepository(operatorSessions))
                .addFilterBefore(
                        new ApiKeyAuthenticationFilter(
                                keys,
                                standing,
                                keyCache,
                                problems,
                                new ApiKeyRateLimiter(ratePerSecond),
                                securityLog,
                                clock),
                        AnonymousAuthenticationFilter.class)
                .requestCache(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                // people opening Swagger UI are sent to sign in; tooling fetching the document gets a 401 problem
                .exceptionHandling(errors -> errors.authenticationEntryPoint((request, response, refused) -> {
                            if (request.getRequestURI().startsWith(request.getContextPath() + "/swagger-ui")) {
                                ConsolePaths.redirectToSignIn(request, response, refused);
                            } else {
                                problems.commence(request, response, refused);
                            }
                        })
                        .accessDeniedHandler(problems))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain consoleChain(HttpSecurity http, SecurityContextRepository operatorSessions) throws Exception {
        return http.authorizeHttpRequests(requests -> requests.requestMatchers(
                                "/actuator/health", "/actuator/health/**", "/actuator/prometheus")
                        .permitAll()
                        .requestMatchers("/actuator/**")
                        .denyAll()
                        .requestMatchers("/error")
                        .permitAll()
                        .requestMatchers(ConsolePaths.OPEN)
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                // the session holds a username; the operator and their permissions are read on every request
                .securityContext(context -> context.securityContextRepository(operatorSessions))
                // no session before sign-in: the sign-in form's token lives in a cookie until then
                .csrf(csrf -> csrf.csrfTokenRepository(new SessionOrCookieCsrfTokens()))
                .requestCache(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable) // sign-in has its own pages and defences (signin/)
                .logout(AbstractHttpConfigurer::disable) // POST /logout is a handler (LoginController)
                .exceptionHandling(errors -> errors.authenticationEntryPoint(ConsolePaths::redirectToSignIn)
                        .accessDeniedHandler(ConsolePaths::refuse))
                .build();
    }

    /**
     * No observation of Spring Security's filters, authentications and authorizations. The property {@code
     * management.observations.enable.spring.security=false} only turns each observation into a no-op at run time:
     * the filter chain stayed decorated, an observation wrapper around every security filter on every request
     * (ADR 0019). {@code http.server.requests} still times every request, refusals included.
     */
    @Bean
    SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    ApiKeyCache apiKeyCache(@Value("${opsdesk.api.key-cache-ttl}") Duration ttl) {
        return new ApiKeyCache(ttl);
    }

    @Bean
    ApiKeyRevocationListener apiKeyRevocationListener(DataSource dataSource, ApiKeyCache cache) {
        return new ApiKeyRevocationListener(dataSource, cache);
    }

    @Bean
    FilterRegistrationBean<SecurityHeadersFilter> securityHeadersFilter() {
        var registration = new FilterRegistrationBean<>(new SecurityHeadersFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR);
        return registration;
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordHashing.encoder();
    }

    /** Checks every handler's {@link org.opsdesk.shared.RequiresPermission} before it runs. */
    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new PermissionGate(workflows));
    }

    /** Lets handlers take the calling {@link Actor} as a parameter. */
    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new HandlerMethodArgumentResolver() {
            @Override
            public boolean supportsParameter(MethodParameter parameter) {
                return parameter.getParameterType().equals(Actor.class);
            }

            @Override
            public Object resolveArgument(
                    MethodParameter parameter,
                    ModelAndViewContainer container,
                    NativeWebRequest request,
                    WebDataBinderFactory binders) {
                return CurrentActor.find()
                        .orElseThrow(
                                () -> new AuthenticationCredentialsNotFoundException("no authenticated principal"));
            }
        });
    }
}
