package org.opsdesk.banking.imports;

import org.jspecify.annotations.Nullable;

/**
 * Something an import stored but that deserves a look.
 *
 * @param code {@code GAP} (the statement's opening balance is not the previous statement's closing: one is
 *     missing), {@code FILE} (what the reader noticed: an unknown narrative dialect, an entry left out)
 * @param statement the index of the statement in the file it is about, or null for the whole file
 * @param message in English, one sentence
 */
public record ImportWarning(String code, @Nullable Integer statement, String message) {}
