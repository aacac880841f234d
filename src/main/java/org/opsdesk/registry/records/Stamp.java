package org.opsdesk.registry.records;

import java.time.Instant;

/** When a record was written and by whom ({@code Actor.principalKey()}). */
public record Stamp(Instant at, String by) {}
