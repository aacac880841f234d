package org.opsdesk.operations;

import org.opsdesk.workflow.Status;

/**
 * A move the caller may take now from the operation's current stage.
 *
 * @param fourEyes whether, for this operation's amount, the move waits for approval instead of applying
 * @param requiredApprovals how many distinct checkers other than the caller must approve it (0 when none)
 */
public record AvailableMove(
        String to,
        Status status,
        String trigger,
        boolean reasonRequired,
        boolean fourEyes,
        int requiredApprovals,
        boolean override) {}
