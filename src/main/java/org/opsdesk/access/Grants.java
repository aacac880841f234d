package org.opsdesk.access;

import java.util.Collection;
import java.util.List;
import org.opsdesk.shared.Actor;

/** The rule against escalation: whatever one grants (to a role, an operator or a key) one must hold oneself. */
public final class Grants {

    private Grants() {}

    /** @throws EscalationRefused naming every permission the actor does not hold */
    public static void requireHeld(Actor actor, Collection<String> permissions) {
        List<String> missing = permissions.stream()
                .filter(permission -> !actor.may(permission))
                .sorted()
                .toList();
        if (!missing.isEmpty()) {
            throw EscalationRefused.notHeld(missing);
        }
    }
}
