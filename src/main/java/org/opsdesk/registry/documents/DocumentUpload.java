package org.opsdesk.registry.documents;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.actions.ActionInput;
import org.opsdesk.actions.ActionRefused;
import org.opsdesk.actions.ActionTarget;
import org.opsdesk.actions.Applied;
import org.opsdesk.actions.Invocation;
import org.opsdesk.registry.accounts.Account;
import org.opsdesk.registry.accounts.AccountRecords;
import org.opsdesk.registry.records.RegistryAction;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.InvalidInput;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * {@code document.upload}: a file for review kept with the account. The catalog checks the declared size and
 * types; this handler judges the bytes again itself (the type sniffed by Tika, the registry's own size cap,
 * {@code opsdesk.registry.documents.max-bytes}, default 5 MiB) so that no path into the table skips them.
 */
@Component
class DocumentUpload extends RegistryAction {

    private final AccountRecords accounts;
    private final DocumentStore documents;
    private final Clock clock;
    private final int maxBytes;

    DocumentUpload(
            AccountRecords accounts,
            DocumentStore documents,
            Clock clock,
            @Value("${opsdesk.registry.documents.max-bytes:5242880}") int maxBytes) {
        super("document.upload");
        if (maxBytes < 1 || maxBytes > 10 * 1024 * 1024) {
            throw new IllegalStateException("opsdesk.registry.documents.max-bytes must be 1 to 10485760 (10 MiB)");
        }
        this.accounts = accounts;
        this.documents = documents;
        this.clock = clock;
        this.maxBytes = maxBytes;
    }

    @Override
    public @Nullable String unavailableBecause(ActionTarget target, Actor actor) {
        return target.state().equals(Account.CANCELLED) ? "the account is cancelled" : null;
    }

    @Override
    public void check(@Nullable ActionTarget target, ActionInput input, Actor actor) {
        var upload = upload(input);
        DocumentContent.sniff("file", upload.content(), maxBytes);
    }

    @Override
    public Applied apply(Invocation invocation, @Nullable Map<String, Object> providerResult) {
        var upload = upload(invocation.input());
        byte[] content = upload.content();
        String type;
        try {
            type = DocumentContent.sniff("file", content, maxBytes);
        } catch (InvalidInput e) {
            throw new ActionRefused(e.detail());
        }
        var account = accounts.lockUncancelled(targetId(invocation));
        var document = new Document(
                UUID.randomUUID(),
                account.id(),
                DocumentContent.fileName(upload.fileName()),
                type,
                content.length,
                sha256(content),
                clock.instant(),
                invocation.maker().principalKey());
        documents.insert(document, content);
        return new Applied(
                account.id().toString(),
                Map.of(
                        "document", document.id().toString(),
                        "fileName", document.fileName(),
                        "contentType", type,
                        "sizeBytes", String.valueOf(content.length)));
    }

    private static ActionInput.Upload upload(ActionInput input) {
        return input.upload("file").orElseThrow(() -> InvalidInput.of("file", "is required"));
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
