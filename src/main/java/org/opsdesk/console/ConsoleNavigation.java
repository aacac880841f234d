package org.opsdesk.console;

import java.util.List;
import java.util.function.Predicate;
import org.opsdesk.console.ConsoleFrame.NavEntry;
import org.opsdesk.shared.NavigationContributor;
import org.opsdesk.shared.NavigationEntry.Section;
import org.springframework.stereotype.Component;

/**
 * The left navigation: the entries every module contributes for its pages ({@link NavigationContributor}), each
 * shown to whoever holds a permission its module names. The console spells no permission itself.
 */
@Component
class ConsoleNavigation {

    private final List<NavigationContributor> contributors;

    ConsoleNavigation(List<NavigationContributor> contributors) {
        this.contributors = List.copyOf(contributors);
    }

    /** The entries for a principal, given how to ask whether it holds a permission. */
    List<NavEntry> visibleTo(Predicate<String> may) {
        return NavigationContributor.visible(contributors, Section.MAIN, may).stream()
                .map(entry -> new NavEntry(entry.id(), entry.label(), entry.href()))
                .toList();
    }
}
