package org.opsdesk.banking.matching;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.banking.BankingPermissions;
import org.opsdesk.banking.matching.PaymentResponses.PaymentDetail;
import org.opsdesk.banking.matching.PaymentResponses.PaymentPage;
import org.opsdesk.exchange.ExchangePermissions;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.RequiresPermission;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/exchange/payments}: the statement entries matched to exchange orders and the payments queue — read
 * with {@code exchange:view}, decided (link, return, set aside, re-quote) with {@code exchange:statements}.
 */
@Tag(
        name = "Payments queue",
        description = "Bank statement credits matched to exchange orders: each with the rule, score and evidence that"
                + " matched it; those the rules could not confirm wait for a cashier's decision.")
@RestController
@RequestMapping(path = "/api/v1/exchange/payments", produces = "application/json")
class PaymentsQueueApi {

    private final PaymentQueueReads reads;
    private final PaymentsQueue queue;

    PaymentsQueueApi(PaymentQueueReads reads, PaymentsQueue queue) {
        this.reads = reads;
        this.queue = queue;
    }

    /** Linking an entry to an order. */
    record LinkBody(
            @Schema(
                            description = "The exchange order the payment is for.",
                            example = "0b9e5f7e-3f43-4ac4-9d0f-61f5a1c2d9aa")
                    @Nullable
                    UUID orderId,
            @Schema(
                            description = "Why, 1 to 500 characters.",
                            example = "Client confirmed by phone: reference mistyped")
                    @Nullable
                    @Size(max = 2000)
                    String reason) {}

    /** A decision that needs only a reason. */
    record ReasonBody(
            @Schema(description = "Why, 1 to 500 characters.", example = "Payer unknown to the office")
                    @Nullable
                    @Size(max = 2000)
                    String reason) {}

    /** The client's consent to a re-quote. */
    record RequoteBody(
            @Schema(
                            description = "How the client agreed to the current rate, 1 to 500 characters.",
                            example = "Client agreed by email 2026-12-07 14:02")
                    @Nullable
                    @Size(max = 2000)
                    String consent) {}

    @RequiresPermission(ExchangePermissions.VIEW)
    @GetMapping
    @Operation(
            operationId = "listPayments",
            summary = "List the payments queue",
            description =
                    "Credit entries by state (`queued` by default; `matched`, `linked`, `returned`, `set-aside`, `all`),"
                            + " newest first in keyset pages, optionally of one reason (`partial`, `overpaid`, `late`,"
                            + " `ambiguous`, `no-candidate`, `no-reference`, `wrong-currency`, `not-awaiting`), office account"
                            + " or statement import.")
    PaymentPage list(
            @Parameter(description = "The entries' state; `queued` when left out.")
                    @RequestParam(required = false)
                    @Nullable
                    String state,
            @Parameter(description = "Only entries queued for this reason.") @RequestParam(required = false) @Nullable
                    String reason,
            @Parameter(description = "Only entries of this office bank account.")
                    @RequestParam(required = false)
                    @Nullable
                    UUID bankAccount,
            @Parameter(description = "Only entries of this statement import (its result lists them).")
                    @RequestParam(required = false)
                    @Nullable
                    UUID importId,
            @Parameter(description = "Where the previous page ended (its `nextCursor`).")
                    @RequestParam(required = false)
                    @Nullable
                    String cursor,
            @Parameter(description = "At most this many entries (1 to 500).") @RequestParam(defaultValue = "50")
                    int limit) {
        return reads.page(state, reason, bankAccount, importId, cursor, limit);
    }

    @RequiresPermission(ExchangePermissions.VIEW)
    @GetMapping("/{entryId}")
    @Operation(
            operationId = "getPayment",
            summary = "Read a payment with its evidence",
            description = "The entry with the bank's raw text, the rule, score and evidence, the candidate orders"
                    + " with their stage now, and every decision taken on it (who, when, why).")
    PaymentDetail get(@Parameter(description = "The statement entry's id.") @PathVariable long entryId) {
        return reads.detail(entryId);
    }

    @RequiresPermission(BankingPermissions.STATEMENTS)
    @PostMapping(path = "/{entryId}/link", consumes = "application/json")
    @Operation(
            operationId = "linkPayment",
            summary = "Link a queued payment to an order",
            description = "With a reason. The order's full amount (with the entries linked to it before) confirms"
                    + " it — funds_received, then payout_pending where the pair is worked automatically; another"
                    + " amount or currency sends it to payment_mismatch. The order's history names the entry, the"
                    + " cashier and the reason. 409 when the entry was decided already, or the order expired"
                    + " (re-quote it) or waits for no payment.")
    @ApiResponse(responseCode = "200", description = "The entry, linked.")
    PaymentDetail link(
            @Parameter(description = "The statement entry's id.") @PathVariable long entryId,
            @Valid @RequestBody LinkBody body,
            Actor actor) {
        queue.link(entryId, body.orderId(), body.reason(), actor);
        return reads.detail(entryId);
    }

    @RequiresPermission(BankingPermissions.STATEMENTS)
    @PostMapping(path = "/{entryId}/return", consumes = "application/json")
    @Operation(
            operationId = "returnPayment",
            summary = "Return a queued payment to its payer",
            description = "With a reason: a refund instruction to the payer's account waits for the next payout"
                    + " batch of the office account the money came into. 409 when the bank named no payer account.")
    @ApiResponse(responseCode = "200", description = "The entry, to be returned.")
    PaymentDetail giveBack(
            @Parameter(description = "The statement entry's id.") @PathVariable long entryId,
            @Valid @RequestBody ReasonBody body,
            Actor actor) {
        queue.giveBack(entryId, body.reason(), actor);
        return reads.detail(entryId);
    }

    @RequiresPermission(BankingPermissions.STATEMENTS)
    @PostMapping(path = "/{entryId}/set-aside", consumes = "application/json")
    @Operation(
            operationId = "setPaymentAside",
            summary = "Set a queued payment aside",
            description = "With a reason; nothing moves. Kept in the entry's log (and the proposed order's history).")
    @ApiResponse(responseCode = "200", description = "The entry, set aside.")
    PaymentDetail setAside(
            @Parameter(description = "The statement entry's id.") @PathVariable long entryId,
            @Valid @RequestBody ReasonBody body,
            Actor actor) {
        queue.setAside(entryId, body.reason(), actor);
        return reads.detail(entryId);
    }

    @RequiresPermission(BankingPermissions.STATEMENTS)
    @PostMapping(path = "/{entryId}/requote", consumes = "application/json")
    @Operation(
            operationId = "requotePayment",
            summary = "Re-quote the expired order of a late payment",
            description = "With the client's consent: a new order for the same client, pair and accounts at the pair's"
                    + " current rate for the amount paid, paid at once by this entry. Both orders' histories name"
                    + " each other. 409 unless the entry was queued as late for an expired order.")
    @ApiResponse(responseCode = "200", description = "The entry, linked to the new order.")
    PaymentDetail requote(
            @Parameter(description = "The statement entry's id.") @PathVariable long entryId,
            @Valid @RequestBody RequoteBody body,
            Actor actor) {
        queue.requote(entryId, body.consent(), actor);
        return reads.detail(entryId);
    }
}
