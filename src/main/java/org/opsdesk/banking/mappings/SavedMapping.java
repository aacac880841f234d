package org.opsdesk.banking.mappings;

import java.time.Instant;
import java.util.UUID;

/** A bank's saved CSV mapping: its name (what the cashier picks), the bank, the fields, who saved it and when. */
public record SavedMapping(
        UUID id, String name, String bankName, MappingFields fields, String createdBy, Instant createdAt) {}
