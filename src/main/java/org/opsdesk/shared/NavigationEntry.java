package org.opsdesk.shared;

import java.util.Set;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * One link of the console's navigation, declared by the module that owns the page it opens (see {@link
 * NavigationContributor}). An entry hidden from an operator is still refused by its own handler: hiding only spares
 * operators links they cannot use.
 *
 * @param section where the link is shown: the left navigation, or the administration's index
 * @param id the entry's id: pages mark the current navigation entry by it, the administration index derives its
 *     texts from it ({@code admin.section.<id>.title} / {@code .text})
 * @param href the page it opens
 * @param label the message key of its text
 * @param order its place in its section, smallest first
 * @param anyOf the permissions of which the operator must hold at least one; empty: every signed-in operator
 * @param opens a section this entry leads to: then it shows exactly when the operator may open an entry of that
 *     section, and {@code anyOf} is not used
 */
public record NavigationEntry(
        Section section, String id, String href, String label, int order, Set<String> anyOf, @Nullable Section opens) {

    /** The places the console shows navigation links. */
    public enum Section {
        /** The left navigation of every page. */
        MAIN,
        /** The administration's index page, {@code /admin}. */
        ADMINISTRATION
    }

    public NavigationEntry {
        anyOf = Set.copyOf(anyOf);
    }

    /** A link shown to whoever holds at least one of the permissions, or to everyone signed in when none. */
    public static NavigationEntry of(
            Section section, String id, String href, String label, int order, String... anyOf) {
        return new NavigationEntry(section, id, href, label, order, Set.of(anyOf), null);
    }

    /** Whether a principal that holds the permissions {@code may} answers yes to sees this entry by itself. */
    public boolean allowedBy(Predicate<String> may) {
        return anyOf.isEmpty() || anyOf.stream().anyMatch(may);
    }
}
