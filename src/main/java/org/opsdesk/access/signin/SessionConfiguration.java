package org.opsdesk.access.signin;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.opsdesk.shared.SecretBox;
import org.opsdesk.shared.ThrottledSessions;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.config.annotation.web.http.EnableJdbcHttpSession;
import org.springframework.session.web.http.CookieHttpSessionIdResolver;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Console sessions in PostgreSQL ({@code access.http_session}, created by Flyway), shared by every node: a cookie
 * {@value #COOKIE} that is HttpOnly, SameSite=Lax and Secure whenever the request came over HTTPS (directly, or
 * through a trusted proxy's {@code X-Forwarded-Proto}); idle timeout {@code opsdesk.sessions.idle-timeout}.
 * Configured here rather than through Boot's auto-configuration, whose 4.1.1 module is not published.
 */
@Configuration(proxyBeanMethods = false)
@EnableJdbcHttpSession(tableName = "access.http_session")
@EnableConfigurationProperties({SessionSettings.class, SignInSettings.class})
class SessionConfiguration {

    static final String COOKIE = "OPSDESK_SESSION";

    @Bean
    CookieSerializer cookieSerializer() {
        var cookie = new DefaultCookieSerializer();
        cookie.setCookieName(COOKIE);
        cookie.setCookiePath("/");
        cookie.setUseHttpOnlyCookie(true);
        cookie.setSameSite("Lax");
        // no setUseSecureCookie: left unset, the cookie is Secure exactly when request.isSecure()
        return cookie;
    }

    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> sessionIdleTimeout(SessionSettings settings) {
        return repository -> repository.setDefaultMaxInactiveInterval(settings.idleTimeout());
    }

    /**
     * Sessions on console pages and error pages (Boot's own registration covers errors too), not on the API: it
     * authenticates with keys and never has a session, so its requests skip the session wrappers; nor on the client
     * portal ({@code /portal}), whose sessions live in a store and cookie of their own. A page's
     * background polls read the session without keeping it alive ({@link BackgroundRequestSessions}); a person's
     * request writes its last access at most once a minute, and a session is read once per request ({@link
     * ThrottledSessions}).
     */
    @Bean
    FilterRegistrationBean<Filter> sessionRepositoryFilterRegistration(
            JdbcIndexedSessionRepository repository, CookieSerializer cookieSerializer) {
        var sessionIds = new CookieHttpSessionIdResolver();
        sessionIds.setCookieSerializer(cookieSerializer);
        var throttled = BackgroundRequestSessions.over(repository);
        var repositoryFilter = new SessionRepositoryFilter<>(throttled);
        repositoryFilter.setHttpSessionIdResolver(sessionIds);
        Filter sessions = throttled.forEachRequest(repositoryFilter);
        Filter consoleOnly = (request, response, chain) -> {
            var http = (HttpServletRequest) request;
            // an error page rendered for a portal or API request belongs to that request: the console's session
            // filter must not take the portal's session, left in the request by the portal's filter, for its own
            // (it would save it in the console's store and set the console's cookie to its id)
            Object failed = http.getDispatcherType() == DispatcherType.ERROR
                    ? http.getAttribute(RequestDispatcher.ERROR_REQUEST_URI)
                    : null;
            String uri = failed instanceof String original ? original : http.getRequestURI();
            String path = uri.startsWith(http.getContextPath())
                    ? uri.substring(http.getContextPath().length())
                    : uri;
            // the API has no sessions; the client portal has its own store and cookie (module portal)
            if (path.startsWith("/api/") || path.equals("/portal") || path.startsWith("/portal/")) {
                chain.doFilter(request, response);
            } else if (BackgroundRequestSessions.isBackground(http)) {
                BackgroundRequestSessions.filterInBackground(sessions, request, response, chain);
            } else {
                sessions.doFilter(request, response, chain);
            }
        };
        var registration = new FilterRegistrationBean<>(consoleOnly);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR);
        registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER);
        return registration;
    }

    /** Caps sign-in forms before the session and security filters (which read the CSRF field) see them. */
    @Bean
    FilterRegistrationBean<SignInFormLimit> signInFormLimit() {
        var registration = new FilterRegistrationBean<>(new SignInFormLimit());
        registration.addUrlPatterns(SignInFormLimit.PATHS);
        registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 1);
        return registration;
    }

    /** Keeps Boot from also registering the session filter on its own, for every path. */
    @Bean
    FilterRegistrationBean<SessionRepositoryFilter<?>> sessionRepositoryFilterOnItsOwn(
            SessionRepositoryFilter<?> sessions) {
        var registration = new FilterRegistrationBean<SessionRepositoryFilter<?>>(sessions);
        registration.setEnabled(false);
        return registration;
    }

    @Bean
    LocaleResolver localeResolver() {
        return new OperatorLocaleResolver();
    }

    /** TOTP secrets sealed by the application's one {@link SecretBox}, which {@code platform} makes. */
    @Bean
    SecretCipher secretCipher(SecretBox secretBox) {
        return new SecretCipher(secretBox);
    }
}
