package org.opsdesk.bench.http;

/** An answer with a status the client did not expect; the load harness counts it as an error of that status. */
public final class HttpError extends Exception {

    private static final long serialVersionUID = 1L;

    private final int status;

    public HttpError(int status, String body) {
        super("HTTP " + status + ": " + body);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
