package org.opsdesk.notifications.templates;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The variables a template may use, and a check that it uses no other: Thymeleaf renders an unknown variable as
 * nothing, so a misspelt name would silently leave a hole in a client's email. Caught at start-up instead.
 */
public final class TemplateVariables {

    /** {@code operation}, {@code client}, {@code event}, {@code attributes}, {@code previous}: see {@link MessageModel}. */
    public static final Set<String> ROOTS = Set.of("operation", "client", "event", "attributes", "previous");

    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{\\s*([A-Za-z_#][A-Za-z0-9_]*)");

    private TemplateVariables() {}

    /** Root names of the {@code ${...}} expressions in the text that are not part of the model. */
    public static Set<String> unknown(String text) {
        return unknown(text, ROOTS);
    }

    /** Root names of the {@code ${...}} expressions in the text that are not among {@code roots}. */
    public static Set<String> unknown(String text, Set<String> roots) {
        var unknown = new LinkedHashSet<String>();
        var matcher = EXPRESSION.matcher(text);
        while (matcher.find()) {
            String root = matcher.group(1);
            if (!roots.contains(root)) {
                unknown.add(root);
            }
        }
        return unknown;
    }
}
