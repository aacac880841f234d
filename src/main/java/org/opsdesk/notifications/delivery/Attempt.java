package org.opsdesk.notifications.delivery;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One logged attempt. {@code attemptNo} is null when the worker's lease had been taken over before it finished:
 * the request went out, but its result was not allowed to change the delivery.
 */
public record Attempt(
        @Nullable Integer attemptNo,
        Instant at,
        String worker,
        String outcome,
        @Nullable Integer statusCode,
        long latencyMs,
        @Nullable String error,
        @Nullable String responseBody) {}
