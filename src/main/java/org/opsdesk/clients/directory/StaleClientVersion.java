package org.opsdesk.clients.directory;

import org.jspecify.annotations.Nullable;
import org.opsdesk.shared.ProblemException;

/** The caller's If-Match names a version of the client that is not the current one, or a client that is not. */
final class StaleClientVersion extends ProblemException {

    private StaleClientVersion(String detail, @Nullable Long currentVersion) {
        super(412, "stale-version", "Client has changed", detail);
        if (currentVersion != null) {
            with("currentVersion", currentVersion);
        }
    }

    static StaleClientVersion of(long expected, long current) {
        return new StaleClientVersion(
                "expected version " + expected + " but the client is at version " + current
                        + "; read it again and send your change against that",
                current);
    }

    static StaleClientVersion absent(String subject) {
        return new StaleClientVersion(
                "If-Match names a version, but no client '" + subject + "' exists; send the PUT without If-Match"
                        + " to create it",
                null);
    }
}
