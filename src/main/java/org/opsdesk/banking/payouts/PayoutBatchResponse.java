package org.opsdesk.banking.payouts;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A payout batch as the API shows it. */
record PayoutBatchResponse(
        @Schema(example = "5d1c7e2a-9b3f-4a6d-8e1f-2a3b4c5d6e7f") UUID id,
        @Schema(
                        description = "The file's message id, also the batch operation's reference.",
                        example = "PB-20261207-5D1C7E2A9B3F")
                String reference,
        @Schema(example = "0f8e5c1a-3b2d-4e6f-9a7b-1c2d3e4f5a6b") UUID bankAccountId,
        @Schema(
                        description = "The batch operation's stage.",
                        allowableValues = {"open", "released", "sent", "closed", "discarded"},
                        example = "released")
                String stage,
        @Schema(description = "The batch operation's version.", example = "3") long version,
        Amount total,
        @Schema(description = "How many transfers the file carries (items not removed).", example = "2") int transfers,
        @Schema(example = "cashier-anna") String createdBy,
        @Schema(example = "2026-12-07T09:15:00Z") Instant createdAt,
        @Schema(
                        description = "When the file was first downloaded (sent); null before.",
                        example = "2026-12-07T10:02:00Z")
                @Nullable
                Instant sentAt,
        @Schema(description = "Who downloaded it first.", example = "cashier-anna") @Nullable String sentBy,
        @Schema(description = "The requested execution date the file carries.", example = "2026-12-07") @Nullable
                LocalDate executionDate,
        @Schema(description = "The release's approval request while it waits for a second person; null otherwise.")
                @Nullable
                Approval pendingApproval,
        List<Item> items) {

    /** An amount at its currency's scale. */
    record Amount(@Schema(example = "2500.00") String value, @Schema(example = "HKD") String currency) {}

    /** The approval request a release above the threshold opened. */
    record Approval(
            @Schema(example = "7a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d") UUID requestId,
            @Schema(example = "1") int requiredApprovals,
            @Schema(example = "0") int approvals) {}

    /** One transfer of the batch. */
    record Item(
            @Schema(example = "9c8b7a6f-5e4d-4c3b-2a1f-0e9d8c7b6a5f") UUID id,
            @Schema(example = "1") int position,
            @Schema(
                            description = "The exchange order paid out; null for a refund.",
                            example = "3f6c2a9e-8b1d-4c7a-9e2f-5a4b3c2d1e0f")
                    @Nullable
                    UUID orderId,
            @Schema(description = "The refund instruction paid; null for an order.", example = "null") @Nullable
                    UUID refundId,
            @Schema(example = "RF18539007547034") String endToEndId,
            @Schema(example = "Anne Jensen") String creditorName,
            @Schema(example = "DE89370400440532013000") @Nullable String creditorIban,
            @Schema(example = "null") @Nullable String creditorAccountNumber,
            @Schema(example = "COBADEFFXXX") @Nullable String creditorBic,
            Amount amount,
            @Schema(example = "Exchange RF18539007547034") String remittance,
            @Schema(
                            allowableValues = {"IN_BATCH", "SENT", "CONFIRMED", "RETURNED", "REMOVED"},
                            example = "SENT")
                    String state,
            @Schema(
                            description = "Why removed or confirmed by hand, or the bank's return reason code.",
                            example = "null")
                    @Nullable
                    String settledReason,
            @Schema(description = "The statement entry that confirmed or returned it.", example = "48213") @Nullable
                    Long settledEntryId,
            @Schema(example = "null") @Nullable String settledBy,
            @Schema(example = "null") @Nullable Instant settledAt) {}

    static PayoutBatchResponse of(PayoutBatch batch) {
        var row = batch.row();
        var operation = batch.operation();
        var total = operation.amount();
        var approval = batch.pendingApproval();
        return new PayoutBatchResponse(
                row.id(),
                row.messageId(),
                row.bankAccountId(),
                operation.stage(),
                operation.version(),
                new Amount(total == null ? "0" : total.value(), row.currency()),
                (int) batch.items().stream()
                        .filter(i -> i.state() != PayoutItem.State.REMOVED)
                        .count(),
                row.createdByName(),
                row.createdAt(),
                row.sentAt(),
                row.sentByName(),
                row.executionDate(),
                approval == null
                        ? null
                        : new Approval(
                                approval.id(),
                                approval.requiredApprovals(),
                                approval.approvals().size()),
                batch.items().stream().map(PayoutBatchResponse::item).toList());
    }

    private static Item item(PayoutItem item) {
        return new Item(
                item.id(),
                item.position(),
                item.orderId(),
                item.refundId(),
                item.endToEndId(),
                item.creditorName(),
                item.creditorIban(),
                item.creditorAccount(),
                item.creditorBic(),
                new Amount(item.amount().toPlainString(), item.currency()),
                item.remittance(),
                item.state().name(),
                item.settledReason(),
                item.settledEntryId(),
                item.settledByName(),
                item.settledAt());
    }
}
