package org.opsdesk.operations;

import org.opsdesk.workflow.Status;

/** A move the caller may take now from the operation's current stage. */
public record AvailableMove(
        String to, Status status, String trigger, boolean reasonRequired, boolean fourEyes, boolean override) {}
