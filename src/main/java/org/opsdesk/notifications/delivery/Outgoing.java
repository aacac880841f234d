package org.opsdesk.notifications.delivery;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.opsdesk.notifications.channels.SendResult;

/**
 * A claimed delivery as a {@link MessageChannel} sends it.
 *
 * @param delivery the claimed row, with its stored message
 * @param leaseLeft what may still be spent on the attempt, asked when the attempt starts (less the margin kept
 *     back from the lease); negative once the claim should be left to another worker
 * @param batch reads shared by the deliveries claimed together
 */
public record Outgoing(DeliveryStore.Claimed delivery, Supplier<Duration> leaseLeft, Batch batch) {

    /** Less than this left of the lease: no attempt, it would be cut short at once. */
    static final Duration SHORTEST_ATTEMPT = Duration.ofSeconds(1);

    /** What the attempt may still spend; empty when too little of the lease is left to start one. */
    public Optional<Duration> timeLeft() {
        Duration left = leaseLeft.get();
        return left.compareTo(SHORTEST_ATTEMPT) < 0 ? Optional.empty() : Optional.of(left);
    }

    /** Not sent: the worker stalled (a pause, an overloaded database) between claiming and sending. */
    public static SendResult leaseRanOut() {
        return SendResult.transientFailure("not sent: the claim's lease ran out before the attempt");
    }

    /**
     * Sends a message through a channel sender while the lease allows, timing it; {@code send} answers null when
     * the channel has no sender for the delivery's audience. A sent message's provider id (the SMTP Message-ID,
     * the gateway's answer) is kept as the response.
     */
    public SendResult timed(Supplier<@Nullable SendResult> send) {
        if (timeLeft().isEmpty()) {
            return leaseRanOut();
        }
        long started = System.nanoTime();
        SendResult result = send.get();
        if (result == null) {
            return SendResult.permanentFailure(
                    "no sender for channel " + delivery.channel() + " to " + String.valueOf(delivery.audience()));
        }
        long latencyMs = (System.nanoTime() - started) / 1_000_000;
        String detail = result.detail();
        if (detail != null && detail.length() > 1000) {
            detail = detail.substring(0, 1000);
        }
        String response = result.outcome() == SendResult.Outcome.SENT ? detail : null;
        return new SendResult(result.outcome(), detail, null, latencyMs, response, null);
    }

    /**
     * What the deliveries of one claimed batch read once for all of them (a webhook endpoint and its secrets)
     * rather than once per delivery. A new batch reads afresh, so a change applies from the next batch on.
     */
    public static final class Batch {
        private final ConcurrentHashMap<Object, Object> read = new ConcurrentHashMap<>();

        @SuppressWarnings("unchecked")
        public <K, V> V read(K key, Function<K, V> load) {
            return (V) read.computeIfAbsent(key, k -> load.apply((K) k));
        }
    }
}
