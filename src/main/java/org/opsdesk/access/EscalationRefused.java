package org.opsdesk.access;

import java.util.Collection;
import org.opsdesk.shared.ProblemException;

/** A change that would give someone (or the caller) more than the caller holds: 403, naming what is missing. */
public final class EscalationRefused extends ProblemException {

    public EscalationRefused(String detail) {
        super(403, "escalation-refused", "Escalation refused", detail);
    }

    public static EscalationRefused notHeld(Collection<String> permissions) {
        var refused = new EscalationRefused(
                "you cannot grant permissions you do not hold yourself: " + String.join(", ", permissions));
        refused.with("permissions", permissions);
        return refused;
    }
}
