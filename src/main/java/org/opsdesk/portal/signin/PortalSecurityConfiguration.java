package org.opsdesk.portal.signin;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletResponse;
import org.opsdesk.portal.PortalClients;
import org.opsdesk.portal.account.PortalSettings;
import org.opsdesk.shared.ThrottledSessions;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.web.http.CookieHttpSessionIdResolver;
import org.springframework.session.web.http.DefaultCookieSerializer;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The portal's own security: a filter chain for {@code /portal/**} only, its own sessions ({@code
 * portal.http_session}) under its own cookie {@value #COOKIE} (path {@code /portal}, HttpOnly, SameSite=Lax, Secure
 * whenever the request came over HTTPS), CSRF tokens on every form. The console's chain, session store and cookie
 * never see a portal request (the console's session filter skips {@code /portal}), and the security headers are the
 * console's, written for every response.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PortalSettings.class)
class PortalSecurityConfiguration {

    static final String COOKIE = "OPSDESK_PORTAL";
    static final String PATH = "/portal";

    /** Reachable without being signed in; each handler there checks what it needs. */
    static final String[] OPEN = {
        PATH,
        PATH + "/",
        PATH + "/sign-in",
        PATH + "/sign-in/code",
        PATH + "/register",
        PATH + "/verify-email",
        PATH + "/theme.css"
    };

    @Bean
    @Order(1)
    SecurityFilterChain portalChain(HttpSecurity http, PortalClients clients) throws Exception {
        return http.securityMatcher(PATH, PATH + "/**")
                .authorizeHttpRequests(requests ->
                        requests.requestMatchers(OPEN).permitAll().anyRequest().authenticated())
                .securityContext(context -> context.securityContextRepository(new PortalSessions(clients::load)))
                .csrf(Customizer.withDefaults()) // the token lives in the portal session
                .requestCache(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable) // sign-in has its own page and limits
                .logout(AbstractHttpConfigurer::disable) // POST /portal/sign-out is a handler
                .exceptionHandling(errors -> errors.authenticationEntryPoint((request, response, refused) ->
                                response.sendRedirect(request.getContextPath() + PATH + "/sign-in"))
                        .accessDeniedHandler(
                                (request, response, denied) -> response.sendError(HttpServletResponse.SC_FORBIDDEN)))
                .build();
    }

    /**
     * Portal sessions in PostgreSQL under their own cookie, for {@code /portal} paths only; expired ones are swept
     * by the repository's own schedule. The last access is written at most once a minute ({@link ThrottledSessions}).
     */
    @Bean
    FilterRegistrationBean<Filter> portalSessionFilter(
            JdbcTemplate jdbc, TransactionTemplate transactions, PortalSettings settings) {
        var repository = new JdbcIndexedSessionRepository(jdbc, transactions);
        repository.setTableName("portal.http_session");
        repository.setDefaultMaxInactiveInterval(settings.sessionIdleTimeout());
        repository.afterPropertiesSet();
        var cookie = new DefaultCookieSerializer();
        cookie.setCookieName(COOKIE);
        cookie.setCookiePath(PATH);
        cookie.setUseHttpOnlyCookie(true);
        cookie.setSameSite("Lax");
        // no setUseSecureCookie: left unset, the cookie is Secure exactly when request.isSecure()
        var sessionIds = new CookieHttpSessionIdResolver();
        sessionIds.setCookieSerializer(cookie);
        var sessions = new ThrottledSessions<>(repository);
        var filter = new SessionRepositoryFilter<>(sessions);
        filter.setHttpSessionIdResolver(sessionIds);
        var registration = new FilterRegistrationBean<>(sessions.forEachRequest(filter));
        registration.addUrlPatterns(PATH, PATH + "/*");
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC);
        registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER);
        registration.setName("portalSessionRepositoryFilter");
        return registration;
    }
}
