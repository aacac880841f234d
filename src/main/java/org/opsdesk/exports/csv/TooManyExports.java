package org.opsdesk.exports.csv;

import org.opsdesk.shared.ProblemException;

/** 429: this node, or this principal, runs as many exports as allowed; the caller retries later. */
final class TooManyExports extends ProblemException {

    static final String WHY = "too many exports are running; try again shortly";

    TooManyExports(int retryAfterSeconds) {
        super(429, "too-many-exports", "Too many exports", WHY);
        with("retryAfterSeconds", retryAfterSeconds);
    }
}
