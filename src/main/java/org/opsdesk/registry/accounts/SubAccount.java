package org.opsdesk.registry.accounts;

import java.time.Instant;
import java.util.UUID;
import org.opsdesk.shared.Money;

/** A sub-account ({@code escrow}, {@code financing} or {@code wallet}) of an account, with its own balance. */
public record SubAccount(
        UUID id, UUID accountId, String kind, String name, Money balance, Instant createdAt, String createdBy) {}
