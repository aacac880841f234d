package org.opsdesk.banking.payouts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A batch's own details (its stage, total and history are its {@code payout_batch} operation's). */
record PayoutBatchRow(
        UUID id,
        UUID bankAccountId,
        String currency,
        String messageId,
        String createdByName,
        Instant createdAt,
        @Nullable Instant sentAt,
        @Nullable LocalDate executionDate,
        @Nullable String sentByName) {}
