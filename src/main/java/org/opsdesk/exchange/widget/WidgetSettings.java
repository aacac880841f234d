package org.opsdesk.exchange.widget;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The widget's settings ({@code opsdesk.exchange.widget.*}), checked when the application starts: a value that is
 * not an origin refuses the start, naming it, rather than reaching the pages' security policy where a path, a
 * quote or a semicolon would widen or break it.
 *
 * @param allowedOrigins the origins of the pages that may frame the widget, each {@code scheme://host[:port]}
 *     (http or https; a host may begin with {@code *.} for every subdomain and a port may be {@code *}, as CSP
 *     allows; no path, query, user or other wildcard); empty: only this application's own pages
 */
@ConfigurationProperties("opsdesk.exchange.widget")
record WidgetSettings(@DefaultValue List<String> allowedOrigins) {

    private static final Pattern ORIGIN = Pattern.compile(
            "(https?)://(\\*\\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*(:([0-9]{1,5}|\\*))?");

    WidgetSettings {
        var checked = new ArrayList<String>();
        for (String configured : allowedOrigins) {
            String origin = configured.strip().toLowerCase(Locale.ROOT);
            if (origin.isEmpty()) {
                continue;
            }
            if (!ORIGIN.matcher(origin).matches() || !validPort(origin)) {
                throw new IllegalArgumentException("opsdesk.exchange.widget.allowed-origins: '" + configured
                        + "' is not an origin: write scheme://host[:port] (http or https, no path, query or"
                        + " user; a host may start with *. and a port may be *), e.g. https://www.example.com");
            }
            checked.add(origin);
        }
        allowedOrigins = List.copyOf(checked);
    }

    /** The policy's directive: this application and the allowed origins. */
    String frameAncestors() {
        return allowedOrigins.isEmpty()
                ? "frame-ancestors 'self'"
                : "frame-ancestors 'self' " + String.join(" ", allowedOrigins);
    }

    private static boolean validPort(String origin) {
        int colon = origin.lastIndexOf(':');
        String port = origin.substring(colon + 1);
        if (colon < origin.indexOf("//") || port.equals("*") || port.startsWith("/")) {
            return true;
        }
        int number = Integer.parseInt(port);
        return number >= 1 && number <= 65535;
    }
}
