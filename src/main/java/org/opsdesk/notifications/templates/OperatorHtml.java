package org.opsdesk.notifications.templates;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;
import org.jspecify.annotations.Nullable;

/**
 * The HTML body an operator wrote for a client email, made safe to send: only text formatting, lists, tables and
 * links survive (jsoup's relaxed {@link Safelist} without images). Scripts, event handlers, {@code style}
 * attributes and elements, forms, frames, {@code javascript:} and other non-web URLs and every external resource
 * (images, style sheets — tracking pixels included) are removed, and the rest is framed like the shipped templates.
 * A client's mail program is not a browser we control, and the address Opsdesk sends from lends the message our
 * name: whatever an operator pastes must not act in it.
 */
public final class OperatorHtml {

    private static final Safelist ALLOWED = Safelist.relaxed()
            .removeTags("img")
            .removeProtocols("a", "href", "ftp")
            .addEnforcedAttribute("a", "rel", "noopener noreferrer");

    private OperatorHtml() {}

    /**
     * @param locale the language of the message, for {@code <html lang>}
     * @param title the document title (the email's subject), or null for none
     */
    public static String sanitized(String html, String locale, @Nullable String title) {
        Document clean = new Cleaner(ALLOWED).clean(Jsoup.parse(html));
        clean.outputSettings().prettyPrint(false);
        return "<!DOCTYPE html>\n<html lang=\"" + PlainTextHtml.escape(locale)
                + "\">\n<head>\n<meta charset=\"UTF-8\">\n"
                + "<title>" + (title == null ? "" : PlainTextHtml.escape(title)) + "</title>\n</head>\n"
                + "<body style=\"font-family: sans-serif; line-height: 1.5;\">\n"
                + clean.body().html()
                + "\n</body>\n</html>\n";
    }
}
