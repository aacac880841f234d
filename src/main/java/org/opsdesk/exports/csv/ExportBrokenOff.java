package org.opsdesk.exports.csv;

import java.util.UUID;

/** An export that stopped after it began streaming; already recorded in the audit as failed or cancelled. */
final class ExportBrokenOff extends RuntimeException {

    ExportBrokenOff(UUID id, RuntimeException cause) {
        super("export " + id + " broke off: " + cause.getMessage(), cause);
    }
}
