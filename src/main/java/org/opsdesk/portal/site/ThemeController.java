package org.opsdesk.portal.site;

import java.util.regex.Pattern;
import org.opsdesk.portal.account.PortalSettings;
import org.opsdesk.shared.RequiresPermission;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The office's colours ({@code opsdesk.portal.colors.*}) as CSS custom properties the portal's stylesheet uses: a
 * file of its own, because the pages' security policy allows no inline style. A value that is not a hex colour
 * falls back to the default rather than reaching the stylesheet.
 */
@RestController
@RequiresPermission(RequiresPermission.ANYONE)
class ThemeController {

    private static final Pattern HEX = Pattern.compile("#[0-9a-fA-F]{3}([0-9a-fA-F]{3})?");

    private final PortalSettings settings;

    ThemeController(PortalSettings settings) {
        this.settings = settings;
    }

    @GetMapping(value = "/portal/theme.css", produces = "text/css")
    ResponseEntity<String> theme() {
        var colors = settings.colors();
        String css = ":root {\n"
                + "  --brand: " + color(colors.primary(), "#0b5cad") + ";\n"
                + "  --brand-ink: " + color(colors.primaryText(), "#ffffff") + ";\n"
                + "  --ground: " + color(colors.background(), "#f6f7f9") + ";\n"
                + "  --ink: " + color(colors.text(), "#1b1f24") + ";\n"
                + "}\n";
        return ResponseEntity.ok()
                .contentType(MediaType.valueOf("text/css"))
                .cacheControl(CacheControl.noCache())
                .body(css);
    }

    static String color(String configured, String fallback) {
        return HEX.matcher(configured).matches() ? configured : fallback;
    }
}
