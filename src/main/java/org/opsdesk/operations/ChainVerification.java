package org.opsdesk.operations;

import org.jspecify.annotations.Nullable;

/**
 * The result of recomputing an operation's history chain.
 *
 * @param firstBrokenEntry the seq of the first entry whose hash or link does not match, null when valid
 * @param problem what is wrong with that entry, null when valid
 */
public record ChainVerification(
        boolean valid, int entries, @Nullable Long firstBrokenEntry, @Nullable String problem) {}
