package org.opsdesk.operations;

import org.opsdesk.shared.ProblemException;

/** The caller acted on a version of the operation that is no longer current (If-Match). */
public final class StaleVersion extends ProblemException {
    public StaleVersion(long expected, String currentStage, long currentVersion) {
        super(
                412,
                "stale-version",
                "Operation has changed",
                "expected version " + expected + " but the operation is at version " + currentVersion + " (stage '"
                        + currentStage + "'); reload it and decide again");
        with("currentStage", currentStage);
        with("currentVersion", currentVersion);
    }
}
