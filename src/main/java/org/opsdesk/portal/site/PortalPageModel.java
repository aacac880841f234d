package org.opsdesk.portal.site;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import org.opsdesk.portal.PortalLook;
import org.opsdesk.portal.signin.SignedInClient;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What every portal page's frame shows: the office's name and logo, the language switch, and whether someone is
 * signed in. The language switch is a link ({@code ?lang=}), remembered for this browser; before any choice the
 * page speaks the browser's preferred language among the four.
 */
@ControllerAdvice(
        basePackages = {
            "org.opsdesk.portal.site",
            "org.opsdesk.portal.signin",
            "org.opsdesk.portal.registration",
            "org.opsdesk.portal.verification",
            "org.opsdesk.exchange.portal" // the ordering pages, in the portal's frame
        })
class PortalPageModel {

    /** A language the portal speaks, with the link that switches to it from this page. */
    record Language(String tag, String name, String href, boolean current) {}

    /** The office as the frame shows it. */
    record Office(String name, String logoUrl) {}

    private static final List<String[]> LANGUAGES = List.of(
            new String[] {"pl", "Polski"},
            new String[] {"en", "English"},
            new String[] {"pt-BR", "Português (Brasil)"},
            new String[] {"nl", "Nederlands"});

    private final PortalLook look;

    PortalPageModel(PortalLook look) {
        this.look = look;
    }

    @ModelAttribute("office")
    Office office() {
        return new Office(look.officeName(), look.logoUrl());
    }

    @ModelAttribute("signedIn")
    boolean signedIn() {
        return SignedInClient.current().isPresent();
    }

    @ModelAttribute("languages")
    List<Language> languages(HttpServletRequest request) {
        Locale current = RequestContextUtils.getLocale(request);
        String query = "GET".equals(request.getMethod()) ? request.getQueryString() : null;
        return LANGUAGES.stream()
                .map(language -> new Language(
                        language[0],
                        language[1],
                        UriComponentsBuilder.fromPath(request.getRequestURI())
                                .query(query)
                                .replaceQueryParam("lang", language[0])
                                .build()
                                .toUriString(),
                        language[0].equals(current.toLanguageTag())))
                .toList();
    }
}
