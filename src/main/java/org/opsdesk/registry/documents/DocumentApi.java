package org.opsdesk.registry.documents;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.registry.RegistryPermissions;
import org.opsdesk.registry.accounts.AccountRecords;
import org.opsdesk.registry.accounts.LiveAccounts;
import org.opsdesk.registry.records.Pages;
import org.opsdesk.registry.validation.Texts;
import org.opsdesk.shared.Keyset;
import org.opsdesk.shared.NotFound;
import org.opsdesk.shared.RequiresPermission;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * An account's documents, and one document's bytes — always as an attachment with {@code nosniff} and a
 * sandboxing CSP, so that a browser never renders an uploaded file in Opsdesk's origin.
 */
@Tag(name = "Registry")
@RestController
class DocumentApi {

    private final LiveAccounts live;
    private final AccountRecords accounts;
    private final DocumentStore documents;

    DocumentApi(LiveAccounts live, AccountRecords accounts, DocumentStore documents) {
        this.live = live;
        this.accounts = accounts;
        this.documents = documents;
    }

    @RequiresPermission(RegistryPermissions.READ)
    @GetMapping(path = "/api/v1/accounts/{id}/documents", produces = "application/json")
    @Operation(
            operationId = "listAccountDocuments",
            summary = "List an account's documents",
            description = "The account's live documents, newest first, in keyset pages: name, sniffed content type,"
                    + " size and SHA-256 (the bytes are downloaded on their own).")
    DocumentPage list(
            @PathVariable String id,
            @Parameter(description = "The nextCursor of the previous page") @RequestParam(required = false) @Nullable
                    String cursor,
            @RequestParam(defaultValue = "50") int limit) {
        Keyset.limit(limit);
        var account = live.get(id);
        var rows = documents.of(account.id(), Keyset.timeAndId(cursor), limit + 1);
        return new DocumentPage(
                Pages.items(rows, limit).stream()
                        .map(d -> new DocumentResponse(
                                d.id(),
                                d.fileName(),
                                d.contentType(),
                                d.sizeBytes(),
                                d.sha256(),
                                d.createdAt(),
                                d.createdBy()))
                        .toList(),
                Pages.next(rows, limit, d -> Keyset.cursor(d.createdAt(), d.id())));
    }

    @RequiresPermission(RegistryPermissions.DOCUMENTS)
    @GetMapping("/api/v1/documents/{id}/content")
    @Operation(
            operationId = "downloadDocument",
            summary = "Download a document",
            description = "The document's bytes as an attachment (never inline), with its sniffed content type and"
                    + " X-Content-Type-Options: nosniff.")
    @ApiResponse(
            responseCode = "200",
            description = "The file.",
            content = {
                @Content(mediaType = "application/pdf", schema = @Schema(type = "string", format = "binary")),
                @Content(mediaType = "image/png", schema = @Schema(type = "string", format = "binary")),
                @Content(mediaType = "image/jpeg", schema = @Schema(type = "string", format = "binary"))
            })
    ResponseEntity<byte[]> content(@PathVariable String id) {
        var document = Texts.pathId(id)
                .flatMap(documents::find)
                .filter(d -> accounts.find(d.accountId()).isPresent())
                .orElseThrow(() -> new NotFound("document", id));
        byte[] bytes = documents.content(document.id()).orElseThrow(() -> new NotFound("document", id));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(document.contentType()))
                .contentLength(bytes.length)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(document.fileName(), StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox; default-src 'none'")
                .cacheControl(CacheControl.noStore())
                .body(bytes);
    }

    /** A page of documents; {@code nextCursor} is absent (null) on the last page. */
    record DocumentPage(List<DocumentResponse> items, @Nullable String nextCursor) {}

    record DocumentResponse(
            UUID id,
            String fileName,
            String contentType,
            int sizeBytes,
            String sha256,
            Instant createdAt,
            String createdBy) {}
}
