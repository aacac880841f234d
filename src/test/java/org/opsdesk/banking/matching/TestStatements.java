package org.opsdesk.banking.matching;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Statement entries written as the import stores them (an import, its statement, the entries), for tests of the
 * matching that do not go through a statement file.
 */
public final class TestStatements {

    private static final SecureRandom RANDOM = new SecureRandom();

    private TestStatements() {}

    /** A credit as the bank reports it. */
    public record Credit(
            String amount,
            String currency,
            LocalDate booked,
            @Nullable String payerName,
            @Nullable String payerIban,
            @Nullable String remittance) {}

    /** What was stored: the import and its entries' ids, in order. */
    public record Stored(UUID importId, List<Long> entryIds) {}

    /** Stores one import of one statement of the account holding these credits. */
    public static Stored store(JdbcClient jdbc, UUID bankAccountId, String currency, List<Credit> credits) {
        UUID importId = UUID.randomUUID();
        UUID statementId = UUID.randomUUID();
        var now = Timestamp.from(Instant.now());
        jdbc.sql("insert into banking.statement_import (id, file_sha256, file_size, format, state, created_by_kind,"
                        + " created_by_id, created_by_name, started_at, finished_at)"
                        + " values (?, ?, 0, 'CAMT_053', 'DONE', 'system', 'tests', 'tests', ?, ?)")
                .params(importId, bytes(), now, now)
                .update();
        jdbc.sql("insert into banking.statement (id, import_id, bank_account_id, account_identifier, statement_id,"
                        + " currency, entries_total, entries_new, imported_at) values (?, ?, ?, 'TEST', ?, ?, ?, ?, ?)")
                .params(
                        statementId,
                        importId,
                        bankAccountId,
                        "STMT-" + statementId,
                        currency,
                        credits.size(),
                        credits.size(),
                        now)
                .update();
        var ids = new ArrayList<Long>();
        for (Credit credit : credits) {
            ids.add(jdbc.sql("insert into banking.statement_entry (bank_account_id, statement_ref, import_id,"
                            + " fingerprint, booking_date, value_date, amount, currency, direction, counterparty_name,"
                            + " counterparty_iban, remittance, bank_reference, raw, stored_at)"
                            + " values (?, ?, ?, ?, ?, ?, ?, ?, 'CREDIT', ?, ?, ?, ?, ?, ?) returning id")
                    .params(
                            bankAccountId,
                            statementId,
                            importId,
                            bytes(),
                            credit.booked(),
                            credit.booked(),
                            new BigDecimal(credit.amount()),
                            credit.currency(),
                            credit.payerName(),
                            credit.payerIban(),
                            credit.remittance(),
                            "BR" + Math.abs(RANDOM.nextInt()),
                            "raw: " + credit.remittance(),
                            now)
                    .query(Long.class)
                    .single());
        }
        return new Stored(importId, ids);
    }

    /**
     * An entry queued with no candidate, written directly (no order needed): the authorization matrix's fixture
     * for {@code /api/v1/exchange/payments/{entryId}}.
     */
    public static long queuedWithoutCandidate(JdbcClient jdbc) {
        var stored = store(
                jdbc,
                UUID.randomUUID(),
                "VND",
                List.of(new Credit("1000", "VND", LocalDate.now(), "Matrix Payer", null, "no reference")));
        long entry = stored.entryIds().get(0);
        jdbc.sql(
                        "insert into banking.payment_match (entry_id, import_id, bank_account_id, state, queue_reason, rule,"
                                + " score, evidence, matched_at) values (?, ?, ?, 'QUEUED', 'NO_CANDIDATE', 'NONE', 0, '{}', now())")
                .params(entry, stored.importId(), UUID.randomUUID())
                .update();
        return entry;
    }

    private static byte[] bytes() {
        var bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
