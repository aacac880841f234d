package org.opsdesk.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.opsdesk.shared.Actor;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Adds the {@link ConsoleFrame} to every rendered page (never to redirects or API responses), so that no page
 * controller has to remember it.
 */
final class ConsoleFrameInterceptor implements HandlerInterceptor {

    static final String MODEL_NAME = "consoleFrame";

    private final ConsoleNavigation navigation;

    ConsoleFrameInterceptor(ConsoleNavigation navigation) {
        this.navigation = navigation;
    }

    @Override
    public void postHandle(
            HttpServletRequest request, HttpServletResponse response, Object handler, @Nullable ModelAndView view) {
        if (view == null || view.getViewName() == null || view.getViewName().startsWith("redirect:")) {
            return;
        }
        Actor actor = actor();
        Locale locale = RequestContextUtils.getLocale(request);
        view.addObject(
                MODEL_NAME,
                new ConsoleFrame(
                        actor == null ? "" : actor.name(),
                        actor == null ? List.of() : navigation.visibleTo(actor::may),
                        languages(request, locale, actor != null),
                        thisPage(request)));
    }

    private static @Nullable Actor actor() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof Actor actor ? actor : null;
    }

    /** Signed in, the languages are buttons of one form and need no links (see the layout). */
    private static List<ConsoleFrame.LanguageLink> languages(
            HttpServletRequest request, Locale current, boolean signedIn) {
        return ConsoleLanguages.ALL.stream()
                .map(language -> new ConsoleFrame.LanguageLink(
                        language.tag(),
                        language.name(),
                        signedIn ? null : linkTo(request, language.tag()),
                        language.tag().equals(current.toLanguageTag())))
                .toList();
    }

    /** The same page with {@code lang} set; a POST's page links to its address without the form's fields. */
    private static String linkTo(HttpServletRequest request, String tag) {
        return page(request).replaceQueryParam("lang", tag).build().toUriString();
    }

    private static String thisPage(HttpServletRequest request) {
        return page(request).replaceQueryParam("lang").build().toUriString();
    }

    private static UriComponentsBuilder page(HttpServletRequest request) {
        String query = "GET".equals(request.getMethod()) ? request.getQueryString() : null;
        return UriComponentsBuilder.fromPath(request.getRequestURI()).query(query);
    }
}
