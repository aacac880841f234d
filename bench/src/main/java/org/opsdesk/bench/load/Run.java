package org.opsdesk.bench.load;

import org.opsdesk.bench.Latency;
import org.opsdesk.bench.app.ServerProbe;

/**
 * One measured run of a closed-loop load: successes and errors inside the measured window, their latencies, all
 * errors (warm-up included), and the server's and the machine's readings over the window.
 *
 * @param generator "java" (the harness's own clients) or "wrk"
 * @param hung some clients were still inside a request 90 s after the window closed
 */
public record Run(
        String label,
        String generator,
        int clients,
        double seconds,
        long ok,
        long measuredErrors,
        Latency latency,
        Errors errors,
        ServerProbe.Window window,
        boolean hung) {

    /** Successes per second of the measured window. */
    public double throughput() {
        return ok / seconds;
    }
}
