package org.opsdesk.access.signin;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.opsdesk.access.gate.CurrentActor;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * {@code ?lang=en|pt-BR|nl|pl} on any console page switches its language for this browser only: for the signed-in
 * operator's session, or — before sign-in — in a cookie. It never changes the operator's profile: a GET must not
 * change stored state (a link or an image in an email could), so the profile changes only through the language
 * switch's POST ({@link LanguageController}). An unknown value is ignored: the page shows in the language it would
 * have anyway.
 */
final class LanguageSwitch implements HandlerInterceptor {

    static final String PARAMETER = "lang";
    static final String COOKIE = "opsdesk_lang";
    /** Request attribute with the language chosen by this very request. */
    static final String CHOSEN = LanguageSwitch.class.getName() + ".chosen";
    /** Session attribute with the language chosen for this session with {@code ?lang=}, over the profile's. */
    static final String SESSION = "opsdesk.language";

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String wanted = request.getParameter(PARAMETER);
        if (wanted == null) {
            return true;
        }
        Optional<Locale> supported = supported(wanted);
        if (supported.isEmpty()) {
            return true;
        }
        String tag = supported.get().toLanguageTag();
        request.setAttribute(CHOSEN, tag);
        HttpSession session = request.getSession(false);
        if (session != null && CurrentActor.find().isPresent()) {
            session.setAttribute(SESSION, tag);
        } else {
            var cookie = new Cookie(COOKIE, tag);
            cookie.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
            cookie.setMaxAge((int) Duration.ofDays(365).toSeconds());
            cookie.setHttpOnly(true);
            cookie.setSecure(request.isSecure());
            cookie.setAttribute("SameSite", "Lax");
            response.addCookie(cookie);
        }
        return true;
    }

    /** One of the console's languages, matched on the whole tag or, failing that, on the language alone. */
    static Optional<Locale> supported(String tag) {
        Locale wanted = Locale.forLanguageTag(tag.replace('_', '-'));
        for (Locale supported : OperatorLocaleResolver.SUPPORTED) {
            if (supported.equals(wanted)) {
                return Optional.of(supported);
            }
        }
        for (Locale supported : OperatorLocaleResolver.SUPPORTED) {
            if (!wanted.getLanguage().isEmpty() && supported.getLanguage().equals(wanted.getLanguage())) {
                return Optional.of(supported);
            }
        }
        return Optional.empty();
    }
}
