package org.opsdesk.workflow;

/** The four canonical statuses every stage of every operation type maps to. */
public enum Status {
    /** Work is under way or waiting for someone. */
    PENDING,
    /** Done as intended. */
    SUCCESS,
    /** A technical failure: something broke, not a decision. */
    ERROR,
    /** Refused by a person or by an automatic check. */
    REJECTED;

    /** Moves into these statuses must say why. */
    public boolean needsReason() {
        return this == ERROR || this == REJECTED;
    }
}
