package org.opsdesk.access.audit;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.opsdesk.access.AccessPermissions;
import org.opsdesk.shared.ProblemException;
import org.opsdesk.shared.RequiresPermission;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * {@code /admin/security-log}: the security log, newest first, filtered by kind, actor and time range (UTC), in
 * keyset pages; every filter lives in the URL.
 */
@Controller
class SecurityLogPage {

    static final int PAGE_SIZE = 50;

    /** Every kind of entry, for the filter. */
    static final List<String> KINDS = Arrays.stream(SecurityEvents.class.getFields())
            .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == String.class)
            .map(SecurityLogPage::value)
            .sorted()
            .toList();

    private final SecurityEventQuery query;

    SecurityLogPage(SecurityEventQuery query) {
        this.query = query;
    }

    @RequiresPermission(AccessPermissions.AUDIT_VIEW)
    @GetMapping("/admin/security-log")
    ModelAndView list(
            @RequestParam(required = false) @Nullable String kind,
            @RequestParam(required = false) @Nullable String actor,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable String cursor) {
        var page = new ModelAndView("access/admin/security-log")
                .addObject("kinds", KINDS)
                .addObject("kind", kind)
                .addObject("actor", actor)
                .addObject("from", from)
                .addObject("to", to);
        Instant fromTime = time(from);
        Instant toTime = time(to);
        if ((blank(from) != (fromTime == null)) || (blank(to) != (toTime == null))) {
            return page.addObject("badTime", true).addObject("events", List.of());
        }
        try {
            var result = query.page(
                    new SecurityEventQuery.Filter(kind, actor, null, null, fromTime, toTime), cursor, PAGE_SIZE);
            return page.addObject("events", result.items()).addObject("nextCursor", result.nextCursor());
        } catch (ProblemException refused) {
            return page.addObject("problem", refused).addObject("events", List.of());
        }
    }

    /** A {@code datetime-local} value read as UTC; null when blank or not a time. */
    private static @Nullable Instant time(@Nullable String value) {
        if (blank(value)) {
            return null;
        }
        try {
            return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static boolean blank(@Nullable String value) {
        return value == null || value.isBlank();
    }

    private static String value(Field field) {
        try {
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
