package org.opsdesk.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.opsdesk.bench.app.BenchApp;
import org.opsdesk.bench.app.ServerProbe;
import org.opsdesk.bench.http.PlainHttp;

/**
 * The open model measures from each request's intended send time: one stall of a second on a single connection
 * delays every request scheduled during it, and they all count (no coordinated omission).
 */
class OpenModelTests {

    @Test
    void countsAStallForEveryRequestItDelayed() throws Exception {
        var served = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            if (served.incrementAndGet() == 100) { // the request intended at 1 s into the run
                sleep(1000);
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        try (var probe = new ServerProbe(new BenchApp("-Xmx64m"))) {
            int port = server.getAddress().getPort();
            var model = new OpenModel(probe, 0, 3, 1);

            var result = model.run(
                    100,
                    c -> {
                        var http = new PlainHttp(port, "key");
                        return new OpenModel.Sender() {
                            @Override
                            public int send(long n) throws Exception {
                                return http.exchange("POST", "/ping", "{}").status();
                            }

                            @Override
                            public void close() throws java.io.IOException {
                                http.close();
                            }
                        };
                    },
                    null,
                    null);

            assertThat(result.ok()).isEqualTo(300);
            assertThat(result.failed()).isZero();
            // about 100 requests were scheduled during the stall: measured from their intended time, the slowest
            // ~5% of the run waited half a second or more (measured from when they were sent, none would have)
            assertThat(result.latency().max()).isGreaterThanOrEqualTo(990);
            assertThat(result.latency().p95()).isGreaterThan(400);
        } finally {
            server.stop(0);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
