package org.opsdesk.notifications.delivery;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.locks.ReentrantLock;
import org.opsdesk.notifications.webhooks.WebhookAdministration;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * This instance's delivery worker, run every {@code opsdesk.notifications.poll-interval}; it drains what is due
 * batch by batch. A lifecycle, so it stops claiming before the application shuts down.
 */
@Component
class DeliveryPoller implements SmartLifecycle, DisposableBean {

    private final DeliveryWorker worker;
    private final ReentrantLock polling = new ReentrantLock();
    private volatile boolean running;

    DeliveryPoller(
            DeliveryStore store,
            WebhookAdministration webhooks,
            WebhookSender sender,
            EndpointHealth health,
            TransactionTemplate transactions,
            Clock clock,
            @Value("${opsdesk.notifications.retry-delays:PT0S,PT5S,PT5M,PT30M,PT2H,PT5H,PT10H,PT10H}")
                    List<Duration> retryDelays,
            @Value("${opsdesk.notifications.lease:PT60S}") Duration lease,
            @Value("${opsdesk.notifications.concurrency:8}") int concurrency) {
        if (lease.compareTo(Duration.ofSeconds(30)) < 0) {
            throw new IllegalStateException("opsdesk.notifications.lease must exceed an attempt's 15 s by far");
        }
        this.worker = new DeliveryWorker(
                DeliveryWorker.defaultName(),
                store,
                webhooks,
                sender,
                new RetrySchedule(retryDelays, new Random()),
                health,
                transactions,
                clock,
                lease,
                concurrency);
    }

    @Scheduled(fixedDelayString = "${opsdesk.notifications.poll-interval:PT0.2S}")
    void poll() throws InterruptedException {
        polling.lock();
        try {
            int claimed;
            do {
                if (!running) {
                    return;
                }
                claimed = worker.runOnce();
            } while (claimed > 0);
        } finally {
            polling.unlock();
        }
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        polling.lock(); // the batch in flight finishes first
        polling.unlock();
    }

    @Override
    public void destroy() {
        worker.shutdown();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
