package org.opsdesk.notifications.delivery;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.opsdesk.shared.PollingThread;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * This instance's delivery worker, run every {@code opsdesk.notifications.poll-interval} on a thread of its own
 * (not the shared scheduler's, which the outbox relay and the timers use: a slow receiver must not hold them up);
 * it drains what is due batch by batch. A lifecycle, so it stops claiming before the application shuts down.
 */
@Component
class DeliveryPoller implements SmartLifecycle, DisposableBean {

    private final DeliveryWorker worker;
    // stop() ends the drain after the batch in flight instead of draining a backlog of thousands while the
    // application waits to shut down
    private final PollingThread thread;

    DeliveryPoller(
            DeliveryStore store,
            List<MessageChannel> channels,
            DeliveryAlerts alerts,
            TransactionTemplate transactions,
            Clock clock,
            @Value("${opsdesk.notifications.poll-interval:PT0.2S}") Duration interval,
            @Value("${opsdesk.notifications.retry-delays:PT0S,PT5S,PT5M,PT30M,PT2H,PT5H,PT10H,PT10H}")
                    List<Duration> retryDelays,
            @Value("${opsdesk.notifications.lease:PT60S}") Duration lease,
            @Value("${opsdesk.notifications.concurrency:8}") int concurrency) {
        if (lease.compareTo(Duration.ofSeconds(20)) < 0) {
            throw new IllegalStateException("opsdesk.notifications.lease must exceed an attempt's 15 s by far");
        }
        if (concurrency < 1 || interval.isNegative() || interval.isZero()) {
            throw new IllegalStateException("opsdesk.notifications.concurrency and .poll-interval must be positive");
        }
        this.worker = new DeliveryWorker(
                DeliveryWorker.defaultName(),
                store,
                channels,
                new RetrySchedule(retryDelays, new Random()),
                alerts,
                transactions,
                clock,
                lease,
                concurrency);
        this.thread = new PollingThread("delivery-poller", interval, () -> worker.runOnce() > 0);
    }

    /** This instance's worker, for a test that stops the poller and runs attempts one batch at a time. */
    DeliveryWorker worker() {
        return worker;
    }

    @Override
    public void start() {
        thread.start();
    }

    /** Stops claiming; the batch in flight finishes first (its attempts are bounded by the 15 s timeout). */
    @Override
    public void stop() {
        thread.stop();
    }

    @Override
    public boolean isRunning() {
        return thread.isRunning();
    }

    @Override
    public void destroy() {
        stop();
        worker.shutdown();
    }
}
