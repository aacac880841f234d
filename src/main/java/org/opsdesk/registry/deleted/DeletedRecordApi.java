package org.opsdesk.registry.deleted;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.opsdesk.registry.RegistryPermissions;
import org.opsdesk.registry.records.Pages;
import org.opsdesk.registry.records.RecordKind;
import org.opsdesk.shared.InvalidInput;
import org.opsdesk.shared.Keyset;
import org.opsdesk.shared.RequiresPermission;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/registry/deleted}: every soft-deleted registry record, with who deleted it, when and why. */
@Tag(name = "Registry")
@RestController
class DeletedRecordApi {

    private final DeletedRecords deleted;

    DeletedRecordApi(DeletedRecords deleted) {
        this.deleted = deleted;
    }

    @RequiresPermission(RegistryPermissions.DELETED)
    @GetMapping(path = "/api/v1/registry/deleted", produces = "application/json")
    @Operation(
            operationId = "listDeletedRecords",
            summary = "List deleted records",
            description = "Soft-deleted registry records of every kind (or of one), most recently deleted first, in"
                    + " keyset pages; each is restorable with the record.restore action.")
    DeletedRecordPage list(
            @Parameter(
                            description = "person, company, account, sub-account, partner, user, device, pix-key or"
                                    + " document")
                    @RequestParam(required = false)
                    @Nullable
                    String kind,
            @Parameter(description = "The nextCursor of the previous page") @RequestParam(required = false) @Nullable
                    String cursor,
            @RequestParam(defaultValue = "50") int limit) {
        Keyset.limit(limit);
        List<RecordKind> kinds = kind == null
                ? List.of(RecordKind.values())
                : List.of(RecordKind.of(kind)
                        .orElseThrow(() -> InvalidInput.of(
                                "kind",
                                "must be one of "
                                        + Arrays.stream(RecordKind.values())
                                                .map(RecordKind::kind)
                                                .collect(Collectors.joining(", ")))));
        var rows = deleted.page(kinds, Keyset.timeAndId(cursor), limit + 1);
        return new DeletedRecordPage(
                Pages.items(rows, limit).stream()
                        .map(d -> new DeletedRecordResponse(
                                d.kind(), d.id(), d.label(), d.deletedAt(), d.deletedBy(), d.reason()))
                        .toList(),
                Pages.next(rows, limit, d -> Keyset.cursor(d.deletedAt(), d.id())));
    }

    /** A page of deleted records; {@code nextCursor} is absent (null) on the last page. */
    record DeletedRecordPage(List<DeletedRecordResponse> items, @Nullable String nextCursor) {}

    record DeletedRecordResponse(
            String kind, UUID id, String label, Instant deletedAt, String deletedBy, @Nullable String reason) {}
}
