package org.opsdesk.actions;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A record an action acts on, as the module that owns it shows it to the catalog.
 *
 * @param kind the target kind of the declarations ({@code account}, {@code person}, {@code company}, {@code user})
 * @param id the record's id as it appears in the API's paths
 * @param identifier what the operator types to confirm an irreversible action on it (an account's number, a
 *     person's document number), shown in the confirmation prompt
 * @param state the record's state the declarations' availability speaks of (e.g. {@code active}, {@code
 *     suspended}, {@code cancelled})
 * @param subject the client directory's subject the record belongs to (the operation's subject), or null
 * @param facts further values handlers and the console read (e.g. {@code holderKind}, {@code kind}); never secrets
 */
public record ActionTarget(
        String kind, String id, String identifier, String state, @Nullable String subject, Map<String, String> facts) {

    public ActionTarget {
        facts = Map.copyOf(facts);
    }
}
