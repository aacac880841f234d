package org.opsdesk.notifications.channels;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A gateway's JSON body written as text with placeholders inside string literals, e.g.
 * {@code {"to":"{to}","text":"{text}"}}. Values are JSON-escaped, so a message cannot break out of its string.
 */
final class JsonBodyTemplate {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(to|text|title)}");

    private final String template;

    JsonBodyTemplate(String template) {
        this.template = template;
    }

    String render(Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        var body = new StringBuilder();
        while (matcher.find()) {
            String value = values.getOrDefault(matcher.group(1), "");
            matcher.appendReplacement(body, Matcher.quoteReplacement(escape(value)));
        }
        matcher.appendTail(body);
        return body.toString();
    }

    static String escape(String value) {
        var out = new StringBuilder(value.length() + 16);
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
