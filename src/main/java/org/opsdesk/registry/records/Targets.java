package org.opsdesk.registry.records;

import java.util.Optional;
import java.util.function.Function;
import org.opsdesk.actions.ActionTarget;
import org.opsdesk.actions.ActionTargets;
import org.opsdesk.registry.validation.Texts;
import org.opsdesk.shared.Actor;

/**
 * Builds the {@link ActionTargets} of one kind from a lookup by id. A path id that is not a UUID finds nothing, as
 * an unknown one does. Who may see a record is the catalog's permission check: the registry has no per-record
 * visibility (no tenants yet), so every live record is found for every actor.
 */
public final class Targets {

    private Targets() {}

    public static ActionTargets of(String kind, Function<java.util.UUID, Optional<ActionTarget>> lookup) {
        return new ActionTargets() {
            @Override
            public String kind() {
                return kind;
            }

            @Override
            public Optional<ActionTarget> find(String id, Actor actor) {
                return Texts.pathId(id).flatMap(lookup);
            }
        };
    }
}
