package org.opsdesk.banking.payouts;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Statement entries of an office account, written straight into the bank side's tables as an import would leave
 * them: the payout tests need real entries as evidence (confirmations and refunds refer to them), not the import.
 */
final class StatementEntries {

    private static final SecureRandom RANDOM = new SecureRandom();

    private StatementEntries() {}

    /** A booked entry of {@code amount} on the account; its id. */
    static long entry(JdbcClient jdbc, UUID accountId, String direction, String amount, String currency) {
        UUID importId = UUID.randomUUID();
        UUID statementId = UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql(
                        """
                        insert into banking.statement_import (id, file_sha256, file_size, created_by_kind,
                            created_by_id, created_by_name, started_at)
                        values (?, ?, 1, 'system', 'payout-tests', 'payout tests', ?)""")
                .params(importId, bytes(), now)
                .update();
        jdbc.sql(
                        """
                        insert into banking.statement (id, import_id, bank_account_id, account_identifier, statement_id,
                            currency, entries_total, entries_new, imported_at)
                        values (?, ?, ?, 'TEST', ?, ?, 1, 1, ?)""")
                .params(statementId, importId, accountId, statementId.toString(), currency, now)
                .update();
        return jdbc.sql(
                        """
                        insert into banking.statement_entry (bank_account_id, statement_ref, import_id, fingerprint,
                            booking_date, amount, currency, direction, raw, stored_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, 'test entry', ?) returning id""")
                .params(
                        accountId,
                        statementId,
                        importId,
                        bytes(),
                        java.sql.Date.valueOf(LocalDate.now()),
                        new BigDecimal(amount),
                        currency,
                        direction,
                        now)
                .query(Long.class)
                .single();
    }

    private static byte[] bytes() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
