package org.opsdesk.actions;

import java.util.List;
import org.opsdesk.actions.declarations.ActionDeclarations;
import org.opsdesk.shared.PermissionContributor;
import org.springframework.stereotype.Component;

/**
 * The permissions of the catalog: {@code action:<id>} for every declared action, given to the built-in roles its
 * declaration names, described by the action's title ({@code action.<id>.title}) and shown in the role editor under
 * its category ({@code action.category.<category>}). Endpoint entries add none: they list a permission their module
 * defines already.
 */
@Component
public final class ActionPermissions implements PermissionContributor {

    private final ActionDeclarations declarations;

    ActionPermissions(ActionDeclarations declarations) {
        this.declarations = declarations;
    }

    @Override
    public List<Definition> permissions() {
        return declarations.all().stream()
                .filter(action -> !action.isEndpoint())
                .map(action -> new Definition(
                        action.permission(),
                        action.roles(),
                        "action." + action.id() + ".title",
                        "action.category." + action.category()))
                .toList();
    }
}
