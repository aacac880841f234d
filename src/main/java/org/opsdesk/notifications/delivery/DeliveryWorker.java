package org.opsdesk.notifications.delivery;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.opsdesk.notifications.channels.SendResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Claims due deliveries and makes one attempt at each. The claim commits before anything is sent (a lease of
 * {@code lease} and a fresh token); sending happens outside any transaction, several at a time; the outcome and
 * the attempt log are written together, and the outcome only while the token is still the row's — with, in the
 * same transaction, what its channel keeps about the receiver (a webhook endpoint's health) and the alert about a
 * delivery that failed for good ({@link DeliveryAlerts}). A worker that dies leaves its claims to expire and be
 * claimed again: at-least-once, with the same message id and body. No attempt starts once the claim's lease is (nearly) over, and a webhook request gets
 * at most the time left of it (less a margin), so a live node's request has ended before another node may claim
 * the delivery; only a node frozen mid-request (a long pause) can overlap a newer claim's attempt. (Email, SMS and
 * push keep their senders' own timeouts.)
 */
class DeliveryWorker {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);
    private static final AtomicInteger THREADS = new AtomicInteger();
    /** Kept back from the lease: nodes' clocks a little apart, and a cancelled request taking a moment to end. */
    static final Duration LEASE_MARGIN = Duration.ofSeconds(2);

    private final String name;
    private final DeliveryStore store;
    private final Map<String, MessageChannel> channels;
    private final RetrySchedule schedule;
    private final DeliveryAlerts alerts;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Duration lease;
    private final int batch;
    private final ExecutorService senders;

    DeliveryWorker(
            String name,
            DeliveryStore store,
            List<MessageChannel> channels,
            RetrySchedule schedule,
            DeliveryAlerts alerts,
            TransactionTemplate transactions,
            Clock clock,
            Duration lease,
            int batch) {
        this.name = name;
        this.store = store;
        this.channels = channels.stream()
                .collect(Collectors.toUnmodifiableMap(
                        channel -> channel.channel().code(), Function.identity()));
        this.schedule = schedule;
        this.alerts = alerts;
        this.transactions = transactions;
        this.clock = clock;
        this.lease = lease;
        this.batch = batch;
        this.senders = Executors.newFixedThreadPool(batch, runnable -> {
            var thread = new Thread(runnable, "delivery-" + THREADS.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    static String defaultName() {
        return ManagementFactory.getRuntimeMXBean().getName() + "/"
                + UUID.randomUUID().toString().substring(0, 8);
    }

    String name() {
        return name;
    }

    /** Claims one batch and attempts each; answers how many were claimed. */
    int runOnce() throws InterruptedException {
        var claimed = claim();
        var reads = new Outgoing.Batch();
        List<Callable<Void>> work = claimed.stream()
                .map(c -> (Callable<Void>) () -> {
                    try {
                        deliver(c, reads);
                    } catch (RuntimeException e) { // the claim expires and another attempt follows
                        log.warn("recording delivery {} failed", c.id(), e);
                    }
                    return null;
                })
                .toList();
        senders.invokeAll(work);
        return claimed.size();
    }

    List<DeliveryStore.Claimed> claim() {
        Instant now = clock.instant();
        return store.claim(name, now, now.plus(lease), batch);
    }

    /** One attempt at a claimed delivery, and its outcome recorded if the claim still holds. */
    void deliver(DeliveryStore.Claimed claimed) {
        deliver(claimed, new Outgoing.Batch());
    }

    private void deliver(DeliveryStore.Claimed claimed, Outgoing.Batch reads) {
        Instant at = clock.instant();
        SendResult result;
        try {
            result = attempt(claimed, reads);
        } catch (RuntimeException e) {
            log.warn("delivery {} failed unexpectedly", claimed.id(), e);
            result = SendResult.transientFailure("internal error: " + e);
        }
        record(claimed, result, at);
    }

    private SendResult attempt(DeliveryStore.Claimed claimed, Outgoing.Batch reads) {
        var outgoing = new Outgoing(claimed, () -> leaseLeft(claimed), reads);
        var channel = channels.get(claimed.channel());
        return channel == null ? outgoing.timed(() -> null) : channel.send(outgoing);
    }

    /** What may still be spent on the attempt; negative once the claim should be left to another worker. */
    private Duration leaseLeft(DeliveryStore.Claimed claimed) {
        return Duration.between(clock.instant(), claimed.leaseUntil()).minus(LEASE_MARGIN);
    }

    private void record(DeliveryStore.Claimed claimed, SendResult result, Instant at) {
        Instant now = clock.instant();
        var outcome = outcome(claimed, result, now);
        boolean failed = outcome.state() == DeliveryState.FAILED;
        var operation = failed ? alerts.operationOf(claimed.id()) : null;
        transactions.executeWithoutResult(status -> {
            Optional<Integer> attemptNo = store.finish(claimed.id(), claimed.claimToken(), outcome, now);
            String logged = attemptNo.isEmpty() ? "superseded" : logged(outcome.state());
            store.logAttempt(
                    claimed.id(),
                    attemptNo.orElse(null),
                    claimed.claimToken(),
                    name,
                    at,
                    logged,
                    result.statusCode(),
                    result.latencyMs(),
                    result.error(),
                    result.responseBody());
            var channel = channels.get(claimed.channel());
            if (attemptNo.isPresent() && channel != null) {
                channel.recorded(claimed, outcome, now); // e.g. a webhook endpoint's health
            }
            if (attemptNo.isPresent() && failed) {
                alerts.deliveryFailed(claimed.id(), operation); // in this transaction: the alert cannot be lost
            }
        });
    }

    private DeliveryStore.Outcome outcome(DeliveryStore.Claimed claimed, SendResult result, Instant now) {
        return switch (result.outcome()) {
            case SENT -> new DeliveryStore.Outcome(DeliveryState.SENT, null, null);
            case SKIPPED -> new DeliveryStore.Outcome(DeliveryState.SKIPPED, null, result.error());
            case FAILED_PERMANENT -> new DeliveryStore.Outcome(DeliveryState.FAILED, null, result.error());
            case FAILED_TRANSIENT ->
                schedule.next(claimed.roundAttempts() + 1, now, result.retryAfter())
                        .map(next -> new DeliveryStore.Outcome(DeliveryState.RETRYING, next, result.error()))
                        .orElseGet(() -> new DeliveryStore.Outcome(
                                DeliveryState.FAILED,
                                null,
                                result.error() + " (gave up after " + schedule.attempts() + " attempts)"));
        };
    }

    private static String logged(DeliveryState state) {
        return state == DeliveryState.RETRYING ? "retry" : state.code();
    }

    void shutdown() {
        senders.shutdownNow();
        try {
            senders.awaitTermination(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
