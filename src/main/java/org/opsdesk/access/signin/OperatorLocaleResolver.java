package org.opsdesk.access.signin;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/**
 * The language of console pages: the signed-in operator's own (from their profile, read on each request), else
 * the browser's preference among those Opsdesk speaks, else English.
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
        if (request.getAttribute(OperatorSessionContext.LOCALE) instanceof String tag) {
            Locale wanted = Locale.forLanguageTag(tag.replace('_', '-'));
            for (Locale supported : SUPPORTED) {
                if (supported.equals(wanted)) {
                    return supported;
                }
            }
            for (Locale supported : SUPPORTED) {
                if (supported.getLanguage().equals(wanted.getLanguage())) {
                    return supported;
                }
            }
        }
        return super.resolveLocale(request);
    }
}
