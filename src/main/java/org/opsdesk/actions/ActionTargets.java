package org.opsdesk.actions;

import java.util.Optional;
import org.opsdesk.shared.Actor;

/**
 * The records of one kind, served to the catalog by the module that owns them (a Spring bean per kind).
 */
public interface ActionTargets {

    /** The kind served, as the declarations name it ({@code account}, {@code person}, …). */
    String kind();

    /**
     * The record, or empty when it does not exist, is soft-deleted, or the actor may not see it — all three answer
     * {@code 404} alike, so ids cannot be probed. Reads only.
     */
    Optional<ActionTarget> find(String id, Actor actor);
}
