package org.opsdesk.notifications.templates;

import java.util.Map;
import java.util.Set;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.StringTemplateResolver;

/**
 * Renders message templates with Thymeleaf engines of its own (not the console's): the subject and plain-text
 * body in TEXT mode, the email body in HTML mode, where every {@code th:text} and {@code [[...]]} is HTML-escaped.
 * Falls back to English when the recipient's language is not one of the four offered.
 */
public final class MessageRenderer {

    private final TemplateFiles files;
    private final SpringTemplateEngine text = engine(TemplateMode.TEXT);
    private final SpringTemplateEngine html = engine(TemplateMode.HTML);

    public MessageRenderer(TemplateFiles files) {
        this.files = files;
    }

    /**
     * Renders the parts of a template in the language closest to {@code locale}.
     *
     * @param model variables from {@link MessageModel#of}, built for the same language
     * @throws IllegalStateException when a part is missing (the start-up validation makes that a broken override)
     */
    public RenderedMessage render(String template, Set<TemplatePart> parts, Map<String, Object> model, String locale) {
        String language = offered(locale);
        var context = new Context(java.util.Locale.forLanguageTag(language), model);
        String subject = parts.contains(TemplatePart.SUBJECT)
                ? text.process(read(template, language, TemplatePart.SUBJECT), context)
                        .strip()
                : null;
        String body = text.process(read(template, language, TemplatePart.TEXT), context);
        String htmlBody = parts.contains(TemplatePart.HTML)
                ? html.process(read(template, language, TemplatePart.HTML), context)
                : null;
        return new RenderedMessage(language, subject, body, htmlBody);
    }

    /** The recipient's language if templates exist in it, otherwise English. */
    public static String offered(String locale) {
        return TemplateFiles.LOCALES.stream()
                .filter(l -> l.equalsIgnoreCase(locale))
                .findFirst()
                .orElse(TemplateFiles.FALLBACK_LOCALE);
    }

    private String read(String template, String locale, TemplatePart part) {
        return files.read(template, locale, part)
                .or(() -> files.read(template, TemplateFiles.FALLBACK_LOCALE, part))
                .orElseThrow(() -> new IllegalStateException(
                        "template '" + template + "' has no " + part.suffix() + " in " + locale + " or en"));
    }

    private static SpringTemplateEngine engine(TemplateMode mode) {
        var resolver = new StringTemplateResolver();
        resolver.setTemplateMode(mode);
        resolver.setCacheable(false);
        var engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        return engine;
    }
}
