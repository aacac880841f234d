package org.opsdesk.shared;

/** The thing asked for does not exist, or the caller may not see it (the answer is the same so ids can't be probed). */
public final class NotFound extends ProblemException {
    public NotFound(String what, String id) {
        super(404, "not-found", "Not found", what + " '" + id + "' does not exist or is not visible to you");
    }
}
