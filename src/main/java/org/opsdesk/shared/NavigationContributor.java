package org.opsdesk.shared;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import org.opsdesk.shared.NavigationEntry.Section;

/**
 * How a module adds links to the console's navigation for the pages it owns, each with the permission constant of
 * its own module that opens it — so no other module spells that permission. The console assembles the left
 * navigation from every contributor, {@code access} the administration index; the same pattern as {@link
 * PermissionContributor}.
 */
public interface NavigationContributor {

    /** This module's navigation entries. */
    List<NavigationEntry> navigation();

    /**
     * The entries of one section a principal may open, in order, given how to ask whether it holds a permission.
     * An entry that opens a section shows when at least one entry of that section does.
     */
    static List<NavigationEntry> visible(
            Collection<? extends NavigationContributor> contributors, Section section, Predicate<String> may) {
        List<NavigationEntry> all = contributors.stream()
                .flatMap(contributor -> contributor.navigation().stream())
                .toList();
        return all.stream()
                .filter(entry -> entry.section() == section)
                .filter(entry -> entry.opens() == null
                        ? entry.allowedBy(may)
                        : all.stream().anyMatch(inside -> inside.section() == entry.opens() && inside.allowedBy(may)))
                .sorted(Comparator.comparingInt(NavigationEntry::order).thenComparing(NavigationEntry::id))
                .toList();
    }
}
