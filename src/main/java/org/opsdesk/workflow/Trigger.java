package org.opsdesk.workflow;

import java.util.Locale;

/** What takes a transition. */
public enum Trigger {
    /** A person or an integrator's key holding the transition's permission. */
    MANUAL,
    /** An integration's API key when its process completes; a person needs the override permission. */
    SYSTEM,
    /** Fires by itself after a duration in the from-stage; a person needs the override permission. */
    TIMER;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
