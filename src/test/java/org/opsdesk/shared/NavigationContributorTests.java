package org.opsdesk.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opsdesk.shared.NavigationEntry.Section;

/** How the console and the administration index assemble the entries modules contribute. */
class NavigationContributorTests {

    private final NavigationContributor access = () -> List.of(
            new NavigationEntry(Section.MAIN, "admin", "/admin", "nav.admin", 60, Set.of(), Section.ADMINISTRATION),
            NavigationEntry.of(Section.ADMINISTRATION, "roles", "/admin/roles", "roles", 20, "roles:view"));
    private final NavigationContributor webhooks = () -> List.of(NavigationEntry.of(
            Section.ADMINISTRATION, "webhooks", "/admin/webhooks", "webhooks", 40, "webhooks:view", "webhooks:manage"));
    private final NavigationContributor desk = () -> List.of(
            NavigationEntry.of(Section.MAIN, "exports", "/exports", "nav.exports", 40, "exports:run"),
            NavigationEntry.of(Section.MAIN, "dashboard", "/", "nav.dashboard", 10));
    private final List<NavigationContributor> all = List.of(access, webhooks, desk);

    @Test
    void showsEachEntryToWhoeverHoldsOneOfItsPermissionsInOrder() {
        assertThat(ids(Section.MAIN, Permissions.of("exports:run"))).containsExactly("dashboard", "exports");
        assertThat(ids(Section.MAIN, Permissions.none()))
                .as("an entry without permissions is for everyone signed in")
                .containsExactly("dashboard");
        assertThat(ids(Section.ADMINISTRATION, Permissions.of("webhooks:manage", "roles:view")))
                .containsExactly("roles", "webhooks");
    }

    @Test
    void showsAnEntryThatOpensASectionExactlyWhenOneOfThatSectionsEntriesShows() {
        assertThat(ids(Section.MAIN, Permissions.of("webhooks:view")))
                .as("another module's section entry opens the administration")
                .containsExactly("dashboard", "admin");
        assertThat(ids(Section.MAIN, Permissions.of("deposit:view"))).doesNotContain("admin");
    }

    private List<String> ids(Section section, Permissions held) {
        return NavigationContributor.visible(all, section, held::allows).stream()
                .map(NavigationEntry::id)
                .toList();
    }
}
