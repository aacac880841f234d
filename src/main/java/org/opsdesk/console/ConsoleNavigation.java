package org.opsdesk.console;

import java.util.List;
import java.util.function.Predicate;
import org.opsdesk.console.ConsoleFrame.NavEntry;

/**
 * The left navigation and who sees each entry. An entry hidden here is still refused by its own handler: hiding
 * only spares operators links they cannot use.
 */
final class ConsoleNavigation {

    private record Entry(NavEntry entry, Predicate<Predicate<String>> visible) {}

    private static final List<Entry> ENTRIES = List.of(
            new Entry(new NavEntry("dashboard", "nav.dashboard", "/"), may -> true),
            new Entry(new NavEntry("operations", "nav.operations", "/operations"), may -> true),
            new Entry(new NavEntry("approvals", "nav.approvals", "/approvals"), may -> true),
            new Entry(new NavEntry("exports", "nav.exports", "/exports"), may -> may.test("exports:run")),
            new Entry(new NavEntry("workflows", "nav.workflows", "/workflows"), may -> may.test("workflows:view")),
            new Entry(new NavEntry("admin", "nav.admin", "/admin"), ConsoleNavigation::administers));

    /** Administration shows to whoever may read or manage any part of it (auditors read it all). */
    private static boolean administers(Predicate<String> may) {
        return ADMINISTRATION.stream().anyMatch(may);
    }

    private static final List<String> ADMINISTRATION = List.of(
            "operators:view",
            "operators:manage",
            "roles:view",
            "roles:manage",
            "apikeys:view",
            "apikeys:manage",
            "webhooks:view",
            "webhooks:manage",
            "audit:view");

    private ConsoleNavigation() {}

    /** The entries for a principal, given how to ask whether it holds a permission. */
    static List<NavEntry> visibleTo(Predicate<String> may) {
        return ENTRIES.stream()
                .filter(e -> e.visible().test(may))
                .map(Entry::entry)
                .toList();
    }
}
