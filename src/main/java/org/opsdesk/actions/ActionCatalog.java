package org.opsdesk.actions;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.opsdesk.actions.declarations.ActionDeclarations;
import org.opsdesk.actions.invocation.ActionInvoker;
import org.opsdesk.actions.invocation.Availability;
import org.opsdesk.actions.invocation.RecordTimeline;
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
    private final RecordTimeline timeline;

    ActionCatalog(
            ActionDeclarations declarations,
            ActionInvoker invoker,
            Availability availability,
            RecordTimeline timeline) {
        this.declarations = declarations;
        this.invoker = invoker;
        this.availability = availability;
        this.timeline = timeline;
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
     * The record as the catalog sees it (its identifier for a typed confirmation, its state).
     *
     * @throws NotFound if the record does not exist, is deleted, or is not the actor's to see
     */
    public ActionTarget target(String kind, String id, Actor actor) {
        return availability.target(kind, id, actor);
    }

    /**
     * The invocations on a record, newest first, with their operations' status now: its actions timeline. Only
     * the operations the actor may see.
     *
     * @throws NotFound if the record does not exist, is deleted, or is not the actor's to see
     */
    public List<ActionTimelineEntry> timeline(String kind, String id, Actor actor, int limit) {
        return timeline.of(kind, id, actor, limit);
    }

    /** One invocation as the timeline shows it, if the actor may see its operation. */
    public Optional<ActionTimelineEntry> invocation(UUID operationId, Actor actor) {
        return timeline.find(operationId, actor);
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
