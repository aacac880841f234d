package org.opsdesk.bench.transitions;

import static org.opsdesk.bench.Bench.JSON;
import static org.opsdesk.bench.Bench.text;

import java.io.IOException;
import org.opsdesk.bench.app.BenchApp;
import org.opsdesk.bench.http.HttpError;
import org.opsdesk.bench.http.PlainHttp;
import org.opsdesk.bench.load.OpenModel;
import org.opsdesk.bench.load.Slice;
import org.opsdesk.bench.load.Worker;

/**
 * The Java clients of {@code POST /api/v1/operations/{id}/transitions} {@code {"to":…,"reason":"bench"}}: each
 * moves an API bench_ping operation to the other stage over its own {@link PlainHttp}; success = 200.
 */
final class ApiTransitions {

    static final String URI = "/api/v1/operations/{id}/transitions";

    private final BenchApp app;
    private final PingIds ids;

    ApiTransitions(BenchApp app, PingIds ids) {
        this.app = app;
        this.ids = ids;
    }

    /** A closed-loop client owning slice {@code client} of {@code clients} of the ids, moving them round-robin. */
    Worker worker(int client, int clients) {
        Slice slice = Slice.of(ids.api.length, client, clients);
        PlainHttp http = new PlainHttp(app.port(), app.apiKey());
        return new Worker() {

            @Override
            public int step() throws Exception {
                int i = slice.next();
                return move(http, i);
            }

            @Override
            public void close() throws IOException {
                http.close();
            }
        };
    }

    /**
     * An open-model connection: request n moves id n mod ids (fewer connections than ids, so one id is never in
     * flight twice).
     */
    OpenModel.Sender sender() {
        PlainHttp http = new PlainHttp(app.port(), app.apiKey());
        return new OpenModel.Sender() {
            @Override
            public int send(long n) throws Exception {
                return move(http, (int) (n % ids.api.length));
            }

            @Override
            public void close() throws IOException {
                http.close();
            }
        };
    }

    private int move(PlainHttp http, int i) throws IOException, HttpError {
        boolean atPong = ids.apiAtPong.get(i) == 1;
        var response = http.exchange(
                "POST",
                "/api/v1/operations/" + ids.api[i] + "/transitions",
                "{\"to\":\"" + (atPong ? "ping" : "pong") + "\",\"reason\":\"bench\"}");
        if (response.status() == 200) {
            ids.apiAtPong.set(i, atPong ? 0 : 1);
            return 200;
        }
        // resynchronise the client's idea of the stage before reporting the error
        try {
            var current = http.exchange("GET", "/api/v1/operations/" + ids.api[i], null);
            if (current.status() == 200) {
                ids.apiAtPong.set(
                        i, "pong".equals(text(JSON.readTree(current.body()).get("stage"))) ? 1 : 0);
            }
        } catch (IOException ignored) {
            // the error is reported below anyway
        }
        throw new HttpError(response.status(), response.body());
    }
}
