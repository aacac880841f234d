package org.opsdesk.actions;

import java.util.UUID;

/**
 * A pending provider outcome became known (a callback, a poll, an operator's check or settlement), or the
 * resolver gave up on it ({@code answer} is then a {@link ProviderAnswer.Pending} saying so: the invocation ends
 * in {@code ERROR} "outcome unknown"). Published by the provider module inside the transaction that records it;
 * the catalog moves the invocation's operation in that same transaction, so both commit or neither does.
 *
 * @param source {@code callback}, {@code poll}, {@code check} (an operator's "check now") or {@code gave-up}
 */
public record ProviderOutcome(UUID operationId, ProviderAnswer answer, String source) {}
