package org.opsdesk.actions.declarations;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opsdesk.actions.ActionDefinition;
import org.opsdesk.actions.ActionHandler;
import org.opsdesk.actions.ActionTargets;

/**
 * The declarations in force, validated at start, with the handler of each declared action and the records of each
 * target kind. Immutable.
 */
public final class ActionDeclarations {

    private final Map<String, ActionDefinition> definitions;
    private final Map<String, ActionHandler> handlers;
    private final Map<String, ActionTargets> targets;

    public ActionDeclarations(
            Map<String, ActionDefinition> definitions,
            Map<String, ActionHandler> handlers,
            Map<String, ActionTargets> targets) {
        this.definitions = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(definitions));
        this.handlers = Map.copyOf(handlers);
        this.targets = Map.copyOf(targets);
    }

    public Collection<ActionDefinition> all() {
        return definitions.values();
    }

    public Optional<ActionDefinition> find(String id) {
        return Optional.ofNullable(definitions.get(id));
    }

    /** The handler of a declared (non-endpoint) action: the start guarantees there is one. */
    public ActionHandler handler(String id) {
        return Optional.ofNullable(handlers.get(id))
                .orElseThrow(() -> new IllegalStateException("no handler for action " + id));
    }

    public Optional<ActionTargets> targets(String kind) {
        return Optional.ofNullable(targets.get(kind));
    }

    /** The kind whose API collection this is ({@code accounts → account}), among the kinds declarations act on. */
    public Optional<String> kindOfCollection(String collection) {
        return definitions.values().stream()
                .map(ActionDefinition::target)
                .filter(kind ->
                        kind != null && ActionDefinition.collectionOf(kind).equals(collection))
                .findFirst();
    }

    /** The declared actions on one kind. */
    public List<ActionDefinition> on(String kind) {
        return definitions.values().stream()
                .filter(d -> kind.equals(d.target()))
                .toList();
    }
}
