package org.opsdesk.actions;

import java.util.List;
import java.util.Optional;
import org.opsdesk.actions.declarations.ActionDeclarations;
import org.opsdesk.actions.invocation.ActionInvoker;
import org.opsdesk.actions.invocation.Availability;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.NotFound;
import org.opsdesk.shared.RequiresPermission;
import org.springframework.stereotype.Service;

/**
 * The action catalog, for the API, the console and record modules: the declared actions (and the existing
 * endpoints listed beside them), those a caller may take on a record now, and their invocation.
 */
@Service
public class ActionCatalog {

    private final ActionDeclarations declarations;
    private final ActionInvoker invoker;
    private final Availability availability;

    ActionCatalog(ActionDeclarations declarations, ActionInvoker invoker, Availability availability) {
        this.declarations = declarations;
        this.invoker = invoker;
        this.availability = availability;
    }

    /** Every declaration, endpoint entries included, in declaration order. */
    public List<ActionDefinition> all() {
        return List.copyOf(declarations.all());
    }

    public Optional<ActionDefinition> find(String actionId) {
        return declarations.find(actionId);
    }

    /** What the actor may invoke: the actions whose permission they hold, and the endpoints they may call. */
    public List<ActionDefinition> invocable(Actor actor) {
        return declarations.all().stream()
                .filter(d -> RequiresPermission.SIGNED_IN.equals(d.permission()) || actor.may(d.permission()))
                .toList();
    }

    /** The record kind of an API collection ({@code accounts → account}) the declarations act on. */
    public Optional<String> kindOfCollection(String collection) {
        return declarations.kindOfCollection(collection);
    }

    /**
     * The actions the actor may take on the record now: permission held, its state among those declared, and the
     * handler seeing no reason against it.
     *
     * @throws NotFound if the record does not exist, is deleted, or is not the actor's to see
     */
    public List<ActionDefinition> availableOn(String kind, String id, Actor actor) {
        return availability.on(kind, id, actor);
    }

    /**
     * The record as the catalog sees it for this actor (its state, and the identifier an irreversible action asks
     * to be typed), or empty when it does not exist, is deleted or is not the actor's to see.
     */
    public Optional<ActionTarget> target(String kind, String id, Actor actor) {
        return declarations.targets(kind).flatMap(targets -> targets.find(id, actor));
    }

    /**
     * Invokes an action: its operation answered as it stands after the call.
     *
     * @throws NotFound unknown action, or a record that is not the caller's to see
     * @throws org.opsdesk.shared.PermissionDenied without {@code action:<id>}
     * @throws ActionRefused not available on the record now
     * @throws org.opsdesk.shared.InvalidInput bad input, reason or confirmation, every field at once
     * @throws NoProviderConfigured a provider action without a provider
     */
    public ActionOutcome invoke(ActionRequest request, Actor actor) {
        return invoker.invoke(request, actor);
    }
}
