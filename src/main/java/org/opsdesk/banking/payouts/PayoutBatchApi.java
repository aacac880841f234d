package org.opsdesk.banking.payouts;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.banking.BankingPermissions;
import org.opsdesk.banking.payfiles.PayoutFileFormat;
import org.opsdesk.exchange.ExchangePermissions;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.InvalidInput;
import org.opsdesk.shared.Keyset;
import org.opsdesk.shared.RequiresPermission;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/exchange/payout-batches}: the office's payout batches, their files and their items. */
@Tag(
        name = "Payout batches",
        description = "Transfer files of the exchange office: every order waiting for payout from one office account"
                + " (and the refunds decided in the payments queue), released by a cashier — above the configured"
                + " total with a second person's approval —, downloaded as pain.001 or CSV, and confirmed by the"
                + " bank's statement or by hand.")
@RestController
@RequestMapping(path = "/api/v1/exchange/payout-batches", produces = "application/json")
class PayoutBatchApi {

    private final PayoutBatches batches;
    private final PayoutDispatch dispatch;
    private final PayoutItems items;

    PayoutBatchApi(PayoutBatches batches, PayoutDispatch dispatch, PayoutItems items) {
        this.batches = batches;
        this.dispatch = dispatch;
        this.items = items;
    }

    record CreateBody(
            @Schema(description = "The office payout account the batch pays from.") @Nullable @Size(max = 64)
                    String bankAccountId) {}

    record ReleaseBody(
            @Schema(description = "A note for the checker, kept in the history.") @Nullable @Size(max = 2000)
                    String comment) {}

    record ReasonBody(@Schema(description = "Why, 1 to 500 characters.") @Nullable @Size(max = 600) String reason) {}

    @RequiresPermission(BankingPermissions.PAYOUTS)
    @PostMapping(consumes = "application/json")
    @Operation(
            operationId = "createPayoutBatch",
            summary = "Make a payout batch",
            description = "Collects every order waiting for payout from the account (same-bank pairs first) that is"
                    + " in no open batch, and the account's open refunds. 409 `nothing-to-pay-out` when none waits;"
                    + " 422 on `bankAccountId` when it is no enabled office account that pays out.")
    @ApiResponse(responseCode = "201", description = "The batch with its items, open.")
    @ApiResponse(responseCode = "409", description = "`nothing-to-pay-out`: no order or refund waits for this account.")
    ResponseEntity<PayoutBatchResponse> create(@Valid @RequestBody CreateBody body, Actor actor) {
        var batch = batches.generate(body.bankAccountId(), actor);
        return ResponseEntity.created(URI.create(
                        "/api/v1/exchange/payout-batches/" + batch.row().id()))
                .body(PayoutBatchResponse.of(batch));
    }

    @RequiresPermission(ExchangePermissions.VIEW)
    @GetMapping
    @Operation(
            operationId = "listPayoutBatches",
            summary = "List payout batches",
            description = "Newest first, in keyset pages, optionally of one office account.")
    @ApiResponse(responseCode = "200", description = "A page of batches.")
    PayoutBatchPage list(
            @Parameter(description = "Only the batches of this office account.")
                    @RequestParam(required = false)
                    @Nullable
                    UUID bankAccountId,
            @Parameter(description = "Where the previous page ended (its `nextCursor`).")
                    @RequestParam(required = false)
                    @Nullable
                    String cursor,
            @Parameter(description = "At most this many batches (1 to 500).") @RequestParam(defaultValue = "50")
                    int limit,
            Actor actor) {
        Keyset.limit(limit);
        var page = batches.list(bankAccountId, cursor, limit + 1, actor);
        var shown = page.stream().limit(limit).map(PayoutBatchResponse::of).toList();
        String next = null;
        if (page.size() > limit) {
            var last = page.get(limit - 1).row();
            next = new Keyset.TimeAndId(last.createdAt(), last.id()).cursor();
        }
        return new PayoutBatchPage(shown, next);
    }

    @RequiresPermission(ExchangePermissions.VIEW)
    @GetMapping("/{id}")
    @Operation(operationId = "getPayoutBatch", summary = "Read a payout batch", description = "With its items.")
    @ApiResponse(responseCode = "200", description = "The batch.")
    PayoutBatchResponse get(@Parameter(description = "The batch's id.") @PathVariable UUID id, Actor actor) {
        return PayoutBatchResponse.of(batches.get(id, actor));
    }

    @RequiresPermission(BankingPermissions.PAYOUTS)
    @PostMapping(path = "/{id}/release", consumes = "application/json")
    @Operation(
            operationId = "releasePayoutBatch",
            summary = "Release a payout batch",
            description = "Makes an open batch ready to send. Above the configured total of its currency (or in a"
                    + " currency with none) it waits for a second person: 202 with the approval request, which a"
                    + " checker decides through `/api/v1/approvals`.")
    @ApiResponse(responseCode = "200", description = "The batch, released.")
    @ApiResponse(
            responseCode = "409",
            description = "`transition-not-allowed`: the batch is not open; `approval-pending`: a release waits.")
    @ApiResponse(
            responseCode = "202",
            description = "The release waits for a second person (see `pendingApproval`).",
            content = @Content(schema = @Schema(implementation = PayoutBatchResponse.class)))
    ResponseEntity<PayoutBatchResponse> release(
            @Parameter(description = "The batch's id.") @PathVariable UUID id,
            @Valid @RequestBody ReleaseBody body,
            Actor actor) {
        var batch = batches.release(id, body.comment(), actor);
        var status = batch.pendingApproval() == null ? HttpStatus.OK : HttpStatus.ACCEPTED;
        return ResponseEntity.status(status).body(PayoutBatchResponse.of(batch));
    }

    @RequiresPermission(BankingPermissions.PAYOUTS)
    @GetMapping(
            path = "/{id}/file",
            produces = {"application/xml", "text/csv", "application/json"})
    @Operation(
            operationId = "downloadPayoutBatchFile",
            summary = "Download a payout batch's file",
            description = "The transfer file for the bank. The first download of a released batch sends it: the"
                    + " batch becomes `sent` and its orders `payout_sent`, in one transaction; later downloads"
                    + " write the same file and move nothing. 409 `batch-not-released` before the release; 422 with"
                    + " every item the bank would refuse named.")
    @ApiResponse(
            responseCode = "200",
            description = "The file (UTF-8).",
            content = {
                @Content(mediaType = "application/xml", schema = @Schema(type = "string")),
                @Content(mediaType = "text/csv", schema = @Schema(type = "string"))
            })
    @ApiResponse(responseCode = "409", description = "`batch-not-released`: the batch is not released (or discarded).")
    ResponseEntity<byte[]> file(
            @Parameter(description = "The batch's id.") @PathVariable UUID id,
            @Parameter(
                            description = "The file's format.",
                            schema = @Schema(allowableValues = {"pain.001.001.03", "pain.001.001.09", "csv"}))
                    @RequestParam(defaultValue = "pain.001.001.03")
                    String format,
            Actor actor) {
        var chosen = PayoutFileFormat.fromParameter(format)
                .orElseThrow(() -> InvalidInput.of("format", "one of pain.001.001.03, pain.001.001.09, csv"));
        byte[] file = dispatch.download(id, chosen, actor);
        String name =
                "payout-batch-" + id + "." + chosen.parameter().replace("pain.", "pain-") + "." + chosen.extension();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(chosen.mediaType() + ";charset=UTF-8"))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(name).build().toString())
                .body(file);
    }

    @RequiresPermission(BankingPermissions.PAYOUTS)
    @PostMapping(path = "/{id}/items/{itemId}/remove", consumes = "application/json")
    @Operation(
            operationId = "removePayoutItem",
            summary = "Remove an item from a payout batch",
            description = "Before the batch is sent, with a reason: its order leaves the batch (it may then be"
                    + " cancelled, or wait for the next batch) and the total follows; removing the last item"
                    + " discards the batch.")
    @ApiResponse(responseCode = "200", description = "The batch after the removal.")
    @ApiResponse(responseCode = "409", description = "`item-not-removable`: the batch was sent, or the item settled.")
    PayoutBatchResponse remove(
            @Parameter(description = "The batch's id.") @PathVariable UUID id,
            @Parameter(description = "The item's id.") @PathVariable UUID itemId,
            @Valid @RequestBody ReasonBody body,
            Actor actor) {
        return PayoutBatchResponse.of(items.remove(id, itemId, body.reason(), actor));
    }

    @RequiresPermission(BankingPermissions.PAYOUTS)
    @PostMapping(path = "/{id}/items/{itemId}/confirm", consumes = "application/json")
    @Operation(
            operationId = "confirmPayoutItem",
            summary = "Confirm a sent transfer by hand",
            description = "With a reason, where no statement shows the debit yet: the item is confirmed and its"
                    + " order completed, recorded as the caller.")
    @ApiResponse(responseCode = "200", description = "The batch after the confirmation.")
    @ApiResponse(responseCode = "409", description = "`item-not-confirmable`: the item is not a sent transfer.")
    PayoutBatchResponse confirm(
            @Parameter(description = "The batch's id.") @PathVariable UUID id,
            @Parameter(description = "The item's id.") @PathVariable UUID itemId,
            @Valid @RequestBody ReasonBody body,
            Actor actor) {
        return PayoutBatchResponse.of(items.confirm(id, itemId, body.reason(), actor));
    }
}
