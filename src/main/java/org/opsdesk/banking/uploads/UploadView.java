package org.opsdesk.banking.uploads;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A file uploaded in the console, as its page shows it.
 *
 * @param state {@code WAITING} (for the background importer), {@code RUNNING}, {@code DONE} or {@code REFUSED}
 * @param importId the import reading it, once the importer took it
 * @param refusal why it was not imported, when refused
 */
public record UploadView(
        UUID id,
        String state,
        @Nullable String fileName,
        long fileSize,
        @Nullable UUID bankAccountId,
        @Nullable UUID mappingId,
        @Nullable UUID importId,
        @Nullable UploadRefusal refusal,
        int attempts,
        String uploadedBy,
        Instant uploadedAt,
        @Nullable Instant finishedAt) {

    /** Whether the importer still has work to do on it (the page keeps polling). */
    public boolean open() {
        return "WAITING".equals(state) || "RUNNING".equals(state);
    }
}
