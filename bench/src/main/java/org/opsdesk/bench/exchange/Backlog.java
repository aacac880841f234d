package org.opsdesk.bench.exchange;

import static org.opsdesk.bench.Bench.log;

import java.sql.Connection;
import java.util.concurrent.TimeUnit;
import org.opsdesk.bench.app.BenchApp;

/**
 * Lets the app finish what a run left behind before the next one is measured: the outbox events not yet relayed
 * and the notifications not yet delivered. Otherwise the creations' backlog would be worked off inside the orders'
 * window (and the other way round), and its CPU counted against them.
 */
final class Backlog {

    private static final long MAX_SECONDS = 90;

    private Backlog() {}

    static void drain(BenchApp app) throws Exception {
        long start = System.nanoTime();
        long deadline = start + TimeUnit.SECONDS.toNanos(MAX_SECONDS);
        try (Connection db = app.connect(30);
                var ps = db.prepareStatement(
                        "select (select count(*) from operations.outbox where published_at is null),"
                                + " (select count(*) from notifications.delivery where state in ('pending', 'sending'))")) {
            while (true) {
                long events;
                long deliveries;
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    events = rs.getLong(1);
                    deliveries = rs.getLong(2);
                }
                if (events == 0 && deliveries == 0) {
                    log(String.format("backlog drained in %.1f s", (System.nanoTime() - start) / 1e9));
                    return;
                }
                if (System.nanoTime() > deadline) {
                    log("backlog not drained after " + MAX_SECONDS + " s: " + events + " events, " + deliveries
                            + " deliveries left; measuring anyway");
                    return;
                }
                Thread.sleep(250);
            }
        }
    }
}
