package org.opsdesk.banking.imports;

import org.jspecify.annotations.Nullable;

/**
 * How long an import's phases took, in milliseconds: reading the file (parse, reconcile, find the accounts), storing
 * its statements and entries, matching its entries; null for a phase that did not run.
 */
public record PhaseTimes(@Nullable Integer readMillis, @Nullable Integer storeMillis, @Nullable Integer matchMillis) {

    static int since(long startedNanos) {
        return (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - startedNanos) / 1_000_000);
    }
}
