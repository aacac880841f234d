package org.opsdesk.actions.invocation;

import java.util.List;
import org.opsdesk.actions.ActionDefinition;
import org.opsdesk.actions.ActionTarget;
import org.opsdesk.actions.declarations.ActionDeclarations;
import org.opsdesk.shared.Actor;
import org.springframework.stereotype.Component;

/** The actions an actor may take on one record now: what the record pages and the API offer. */
@Component
public class Availability {

    private final ActionDeclarations declarations;
    private final InvocationChecks checks;

    Availability(ActionDeclarations declarations, InvocationChecks checks) {
        this.declarations = declarations;
        this.checks = checks;
    }

    public ActionTarget target(String kind, String id, Actor actor) {
        return checks.find(kind, id, actor);
    }

    public List<ActionDefinition> on(String kind, String id, Actor actor) {
        ActionTarget target = checks.find(kind, id, actor);
        return declarations.on(kind).stream()
                .filter(action -> !action.creates() && actor.may(action.permission()))
                .filter(action ->
                        InvocationChecks.unavailableBecause(action, declarations.handler(action.id()), target, actor)
                                == null)
                .toList();
    }
}
