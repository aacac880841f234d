package org.opsdesk.banking.uploads;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.banking.BankingPermissions;
import org.opsdesk.banking.formats.StatementFileRefused;
import org.opsdesk.banking.mappings.StatementMappings;
import org.opsdesk.exchange.OfficeAccounts;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.InvalidInput;
import org.opsdesk.shared.PermissionDenied;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Statement files uploaded in the console: checked for what can be checked at once (a file, within the size limit,
 * an office account and a saved mapping that exist), stored with who uploaded them, and imported in the background
 * by {@link UploadWorker} — the upload answers at once, however large the file.
 */
@Service
class StatementUploads {

    private final UploadStore store;
    private final UploadWorker worker;
    private final OfficeAccounts accounts;
    private final StatementMappings mappings;
    private final Clock clock;
    private final long maxBytes;

    StatementUploads(
            UploadStore store,
            UploadWorker worker,
            OfficeAccounts accounts,
            StatementMappings mappings,
            Clock clock,
            @Value("${opsdesk.uploads.max-bytes}") long maxBytes) {
        this.store = store;
        this.worker = worker;
        this.accounts = accounts;
        this.mappings = mappings;
        this.clock = clock;
        this.maxBytes = maxBytes;
    }

    /** Stores the file for the importer; its id. */
    @Transactional
    UUID accept(
            byte[] content,
            @Nullable String fileName,
            @Nullable UUID bankAccount,
            @Nullable UUID mapping,
            Actor actor) {
        if (!actor.may(BankingPermissions.STATEMENTS)) {
            throw new PermissionDenied(BankingPermissions.STATEMENTS);
        }
        if (content.length == 0) {
            throw InvalidInput.of("file", "choose a statement file (this one is empty)");
        }
        if (content.length > maxBytes) {
            throw new StatementFileRefused(
                    StatementFileRefused.Reason.TOO_LARGE,
                    "file",
                    "is larger than the limit of " + maxBytes + " bytes");
        }
        if (bankAccount != null && accounts.byId(bankAccount).isEmpty()) {
            throw InvalidInput.of("bankAccount", "no office bank account has this id");
        }
        if (mapping != null && mappings.find(mapping).isEmpty()) {
            throw InvalidInput.of("mapping", "no saved CSV mapping has this id");
        }
        UUID id = UUID.randomUUID();
        store.insert(new UploadStore.NewUpload(
                id, content, sha256(content), fileName, bankAccount, mapping, actor, clock.instant()));
        worker.wakeAfterCommit();
        return id;
    }

    @Transactional(readOnly = true)
    Optional<UploadView> find(UUID id) {
        return store.find(id);
    }

    @Transactional(readOnly = true)
    List<UploadView> recent(int limit) {
        return store.recent(limit);
    }

    private static byte[] sha256(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JDK has SHA-256", impossible);
        }
    }
}
