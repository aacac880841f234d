package org.opsdesk.bench.load;

import org.opsdesk.bench.http.HttpError;

/** The outcome of one request as the load generators count it: its status (-1: an exception) and a detail. */
record Attempt(int status, String detail) {

    /** One request or transaction that returns its status. */
    @FunctionalInterface
    interface Call {
        int call() throws Exception;
    }

    static Attempt of(Call call) {
        try {
            return new Attempt(call.call(), "");
        } catch (HttpError e) {
            return new Attempt(e.status(), e.getMessage());
        } catch (Exception e) {
            return new Attempt(-1, e.toString());
        }
    }

    /** 200 and 201 are successes; anything else is an error. */
    boolean ok() {
        return status == 200 || status == 201;
    }

    /** The error's kind for {@link Errors}: "HTTP 409", "exception". */
    String kind() {
        return status == -1 ? "exception" : "HTTP " + status;
    }
}
