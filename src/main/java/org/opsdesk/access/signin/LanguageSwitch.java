package org.opsdesk.access.signin;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.opsdesk.access.audit.SecurityEvents;
import org.opsdesk.access.audit.SecurityLog;
import org.opsdesk.access.gate.CurrentActor;
import org.opsdesk.access.operators.OperatorStore;
import org.opsdesk.shared.Actor;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * {@code ?lang=en|pt-BR|nl|pl} on any console page switches its language and remembers it: in the signed-in
 * operator's profile (so it follows them to every browser and node, and into the emails they get), or — before
 * sign-in — in a cookie. An unknown value is ignored: the page shows in the language it would have anyway.
 */
final class LanguageSwitch implements HandlerInterceptor {

    static final String PARAMETER = "lang";
    static final String COOKIE = "opsdesk_lang";
    /** Request attribute with the language chosen by this very request. */
    static final String CHOSEN = LanguageSwitch.class.getName() + ".chosen";

    private final OperatorStore operators;
    private final SecurityLog securityLog;
    private final Clock clock;

    LanguageSwitch(OperatorStore operators, SecurityLog securityLog, Clock clock) {
        this.operators = operators;
        this.securityLog = securityLog;
        this.clock = clock;
    }

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
        Optional<Actor> operator = CurrentActor.find().filter(actor -> actor.kind() == Actor.Kind.OPERATOR);
        if (operator.isPresent()) {
            if (operators.setLocale(operator.get().id(), tag, clock.instant())) {
                securityLog.record(
                        SecurityEvents.OPERATOR_UPDATED,
                        operator.get(),
                        SecurityLog.operator(operator.get().id()),
                        Map.of("locale", tag));
            }
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
