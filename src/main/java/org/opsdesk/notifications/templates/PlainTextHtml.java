package org.opsdesk.notifications.templates;

import org.jspecify.annotations.Nullable;

/**
 * The HTML alternative of a plain-text message someone wrote rather than a template rendered (an operator's edited
 * text): every character that means something in HTML escaped, blank lines starting a new paragraph, single line
 * breaks kept as {@code <br>}, in the same plain frame as the shipped email templates. Sending the template's HTML
 * beside an edited text would show the reader something other than what the operator wrote.
 */
public final class PlainTextHtml {

    private PlainTextHtml() {}

    /**
     * @param locale the language of the text, for {@code <html lang>}
     * @param title the document title (the email's subject), or null for none
     */
    public static String of(String text, String locale, @Nullable String title) {
        var html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"")
                .append(escape(locale))
                .append("\">\n<head>\n<meta charset=\"UTF-8\">\n<title>")
                .append(title == null ? "" : escape(title))
                .append("</title>\n</head>\n<body style=\"font-family: sans-serif; line-height: 1.5;\">\n");
        String normalized = text.replace("\r\n", "\n").replace('\r', '\n').strip();
        for (String paragraph : normalized.split("\n[ \t]*\n\\s*")) {
            if (!paragraph.isBlank()) {
                html.append("  <p>")
                        .append(escape(paragraph.strip()).replace("\n", "<br>\n"))
                        .append("</p>\n");
            }
        }
        return html.append("</body>\n</html>\n").toString();
    }

    /** Escapes the five characters with a meaning in HTML text and attribute values. */
    static String escape(String text) {
        var escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
