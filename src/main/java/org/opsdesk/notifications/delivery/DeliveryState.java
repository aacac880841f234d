package org.opsdesk.notifications.delivery;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;

/**
 * Where a delivery stands. Its {@link #code()} is what the database column {@code notifications.delivery.state}
 * holds and what the API answers, in lower case.
 */
public enum DeliveryState {
    /** Waiting for its first attempt. */
    PENDING("pending"),
    /** Claimed by a worker, being sent now. */
    SENDING("sending"),
    /** An attempt failed in a way that may pass; another is scheduled. */
    RETRYING("retrying"),
    /** Accepted by the receiver. */
    SENT("sent"),
    /** Refused for good, or given up after the last retry. */
    FAILED("failed"),
    /** Not attempted, by rule (no consent, no address). */
    SKIPPED("skipped");

    private final String code;

    DeliveryState(String code) {
        this.code = code;
    }

    /** The stored and published name of the state. */
    @JsonValue
    public String code() {
        return code;
    }

    /** The state stored under {@code code}. */
    public static DeliveryState of(String code) {
        return Arrays.stream(values())
                .filter(state -> state.code.equals(code))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown delivery state " + code));
    }

    /** Every state's code, in the order of the enum. */
    static List<String> codes() {
        return Arrays.stream(values()).map(DeliveryState::code).toList();
    }
}
