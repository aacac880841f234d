package org.opsdesk.portal;

import java.util.regex.Pattern;
import org.opsdesk.portal.account.PortalSettings;
import org.springframework.stereotype.Component;

/**
 * The office as the portal shows it — name, logo, and the stylesheets that carry its colours — for pages outside
 * the portal that wear its look (the exchange's rates widget). The colours live in {@value #THEME} ({@code
 * opsdesk.portal.colors.*}), a file because the pages' security policy allows no inline style.
 */
@Component
public class PortalLook {

    /** The portal's stylesheet. */
    public static final String STYLESHEET = "/css/portal.css";
    /** The office's colours as CSS custom properties, read by {@value #STYLESHEET}. */
    public static final String THEME = "/portal/theme.css";

    private static final Pattern LOGO = Pattern.compile("(/[^\\s\"'<>]*|data:image/[a-z+]+;base64,[A-Za-z0-9+/=]+)");

    private final PortalSettings settings;

    PortalLook(PortalSettings settings) {
        this.settings = settings;
    }

    /** The office's name ({@code opsdesk.portal.name}). */
    public String officeName() {
        return settings.name();
    }

    /**
     * The logo's address when it is one the pages' security policy lets load: a path on this site or an inline
     * {@code data:} image; otherwise empty (the office's name stands alone).
     */
    public String logoUrl() {
        return safeLogo(settings.logoUrl());
    }

    static String safeLogo(String configured) {
        return LOGO.matcher(configured).matches() && !configured.startsWith("//") ? configured : "";
    }
}
