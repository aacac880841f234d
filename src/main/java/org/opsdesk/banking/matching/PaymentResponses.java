package org.opsdesk.banking.matching;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The payments queue's API answers. */
final class PaymentResponses {

    private PaymentResponses() {}

    /** An amount: a decimal string at the currency's scale, and the currency. */
    record PaymentAmount(String value, String currency) {

        /** The value as a number, for pages. */
        public java.math.BigDecimal decimal() {
            return new java.math.BigDecimal(value);
        }
    }

    /** The payer as the bank named them. */
    record Payer(@Nullable String name, @Nullable String iban, @Nullable String bic) {}

    /** An entry of the queue, or one decided. */
    record PaymentEntry(
            long entryId,
            String state,
            @Nullable String queueReason,
            String rule,
            int score,
            PaymentAmount amount,
            String bookingDate,
            Payer payer,
            @Nullable String remittance,
            @Nullable String bankReference,
            String bankAccountId,
            String importId,
            @Nullable String orderId,
            @Nullable String orderStage,
            String matchedAt,
            @Nullable String decidedBy,
            @Nullable String decidedAt) {

        static PaymentEntry of(QueuedEntry e) {
            return new PaymentEntry(
                    e.entryId(),
                    e.state(),
                    e.reason(),
                    e.rule(),
                    e.score(),
                    new PaymentAmount(e.amount().toPlainString(), e.currency()),
                    e.bookingDate().toString(),
                    new Payer(e.counterpartyName(), e.counterpartyIban(), e.counterpartyBic()),
                    e.remittance(),
                    e.bankReference(),
                    e.bankAccountId().toString(),
                    e.importId().toString(),
                    e.orderId() == null ? null : e.orderId().toString(),
                    e.orderStage(),
                    e.matchedAt().toString(),
                    e.decidedByName(),
                    e.decidedAt() == null ? null : e.decidedAt().toString());
        }
    }

    /** A page of entries, newest first. */
    record PaymentPage(List<PaymentEntry> items, @Nullable String nextCursor) {}

    /** An order the rules found for the entry, with its stage now. */
    record CandidateOrder(String orderId, String reference, PaymentAmount amount, String deadline, String stage) {

        /** The deadline as an instant, for pages. */
        public java.time.Instant deadlineAt() {
            return java.time.Instant.parse(deadline);
        }
    }

    /** One decision on the entry: the matcher's or a cashier's. */
    record PaymentDecision(String decision, @Nullable String orderId, String reason, String by, String at) {

        /** When, as an instant, for pages. */
        public java.time.Instant when() {
            return java.time.Instant.parse(at);
        }
    }

    /** An entry with what the cashier decides by: the bank's raw text, the evidence, the candidates, the log. */
    record PaymentDetail(
            PaymentEntry entry,
            @Nullable String endToEndId,
            String raw,
            @Schema(
                            description = "What the rules found: the entry's fields, the references as written in the"
                                    + " remittance text, the order's fields they were compared with.")
                    Map<String, Object> evidence,
            List<CandidateOrder> candidates,
            List<PaymentDecision> decisions) {}
}
