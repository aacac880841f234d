package org.opsdesk.access.signin;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/**
 * The language of console pages: the one this request chose with {@code ?lang=} ({@link LanguageSwitch}), else the
 * one chosen that way for this session, else the signed-in operator's own (from their profile, read on each
 * request), else the one remembered in the language cookie before sign-in, else the browser's preference among
 * those Opsdesk speaks, else English.
 */
final class OperatorLocaleResolver extends AcceptHeaderLocaleResolver {

    static final List<Locale> SUPPORTED = List.of(
            Locale.ENGLISH, Locale.forLanguageTag("pt-BR"), Locale.forLanguageTag("nl"), Locale.forLanguageTag("pl"));

    OperatorLocaleResolver() {
        setSupportedLocales(SUPPORTED);
        setDefaultLocale(Locale.ENGLISH);
    }

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        return fromAttribute(request, LanguageSwitch.CHOSEN)
                .or(() -> fromSession(request))
                .or(() -> fromAttribute(request, OperatorSessionContext.LOCALE))
                .or(() -> fromCookie(request))
                .orElseGet(() -> super.resolveLocale(request));
    }

    private static Optional<Locale> fromAttribute(HttpServletRequest request, String name) {
        return request.getAttribute(name) instanceof String tag ? LanguageSwitch.supported(tag) : Optional.empty();
    }

    private static Optional<Locale> fromSession(HttpServletRequest request) {
        var session = request.getSession(false);
        try {
            return session != null && session.getAttribute(LanguageSwitch.SESSION) instanceof String tag
                    ? LanguageSwitch.supported(tag)
                    : Optional.empty();
        } catch (IllegalStateException invalidated) {
            return Optional.empty();
        }
    }

    private static Optional<Locale> fromCookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie cookie : cookies) {
            if (LanguageSwitch.COOKIE.equals(cookie.getName())) {
                return LanguageSwitch.supported(cookie.getValue());
            }
        }
        return Optional.empty();
    }
}
