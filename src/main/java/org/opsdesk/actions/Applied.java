package org.opsdesk.actions;

import java.util.Map;

/**
 * What an applied action did, recorded with the operation's move to its applied stage.
 *
 * @param targetId the record acted on — for an action that creates one, the new record's id
 * @param changes what changed, field → new value as text (e.g. {@code status → suspended}), for the history
 */
public record Applied(String targetId, Map<String, String> changes) {

    public Applied {
        changes = Map.copyOf(changes);
    }
}
