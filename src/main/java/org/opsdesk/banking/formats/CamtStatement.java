package org.opsdesk.banking.formats;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A camt statement or notification copied out of whichever Prowide model version held it, before the neutral
 * model is built ({@link CamtStatements}). The v02, v04 and v08 message classes share no types, so each version's
 * adapter fills these records and everything after them is written once.
 */
record CamtStatement(
        @Nullable String id,
        @Nullable String sequence,
        @Nullable String account,
        @Nullable LocalDate from,
        @Nullable LocalDate to,
        List<Balance> balances,
        List<Entry> entries) {

    /** A balance with its ISO type code ({@code OPBD}, {@code CLBD}, {@code PRCD}, …). */
    record Balance(@Nullable String type, @Nullable BigDecimal amount, @Nullable String currency, boolean credit) {}

    /** A {@code Ntry}: its own amount and dates, and its transaction details when the bank gives them. */
    record Entry(
            @Nullable BigDecimal amount,
            @Nullable String currency,
            @Nullable Boolean credit,
            @Nullable String status,
            @Nullable LocalDate bookingDate,
            @Nullable LocalDate valueDate,
            @Nullable String entryReference,
            @Nullable String bankReference,
            @Nullable String additionalInfo,
            List<Transaction> transactions) {}

    /** A {@code TxDtls}: one payment inside an entry (a batch entry holds several). */
    record Transaction(
            @Nullable BigDecimal amount,
            @Nullable String currency,
            @Nullable String endToEndId,
            @Nullable String bankReference,
            Counterparty debtor,
            Counterparty creditor,
            @Nullable String remittance,
            @Nullable String additionalInfo) {}
}
