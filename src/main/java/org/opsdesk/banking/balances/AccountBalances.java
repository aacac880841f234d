package org.opsdesk.banking.balances;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.exchange.OfficeAccount;
import org.opsdesk.exchange.OfficeAccounts;
import org.opsdesk.shared.NotFound;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads an office account's bank side: its statements, newest period first (the timeline, with gaps), and its
 * entries, newest booking first, both in keyset pages; and the entries booked after a day (the movements since the
 * latest statement).
 */
@Service
class AccountBalances {

    /** The day a statement is ordered by: its last day, else its first, else before every other. */
    static final String STATEMENT_DAY = "coalesce(to_date, from_date, date '0001-01-01')";

    private static final String STATEMENT_COLUMNS =
            """
            id, statement_id, sequence, from_date, to_date, currency, opening_balance, closing_balance, entries_total,
            entries_new, gap_previous_closing, import_id, imported_at""";
    private static final String ENTRY_COLUMNS =
            """
            id, statement_ref, booking_date, value_date, amount, currency, direction, counterparty_name,
            counterparty_iban, counterparty_bic, remittance, end_to_end_id, bank_reference, raw, stored_at""";

    private final JdbcClient jdbc;
    private final OfficeAccounts accounts;

    AccountBalances(JdbcClient jdbc, OfficeAccounts accounts) {
        this.jdbc = jdbc;
        this.accounts = accounts;
    }

    /** The office account, or 404. */
    OfficeAccount account(UUID id) {
        return accounts.byId(id).orElseThrow(() -> new NotFound("bank account", id.toString()));
    }

    /** Statements of the account ordered before {@code after} (all from the newest when null), newest first. */
    @Transactional(readOnly = true)
    List<StatementLine> statements(UUID accountId, Keys.@Nullable StatementKey after, int limit) {
        return jdbc.sql("select " + STATEMENT_COLUMNS + " from banking.statement where bank_account_id = :account"
                        + " and (cast(:day as date) is null or (" + STATEMENT_DAY + ", id) < (:day, :id))"
                        + " order by " + STATEMENT_DAY + " desc, id desc limit :limit")
                .param("account", accountId)
                .param("day", after == null ? null : Date.valueOf(after.day()))
                .param("id", after == null ? null : after.id())
                .param("limit", limit)
                .query(AccountBalances::statement)
                .list();
    }

    /** Entries of the account booked before {@code after} (all from the newest when null), newest first. */
    @Transactional(readOnly = true)
    List<EntryLine> entries(UUID accountId, Keys.@Nullable EntryKey after, int limit) {
        return jdbc.sql("select " + ENTRY_COLUMNS + " from banking.statement_entry where bank_account_id = :account"
                        + " and (cast(:day as date) is null or (booking_date, id) < (:day, :id))"
                        + " order by booking_date desc, id desc limit :limit")
                .param("account", accountId)
                .param("day", after == null ? null : Date.valueOf(after.day()))
                .param("id", after == null ? 0L : after.id())
                .param("limit", limit)
                .query(AccountBalances::entry)
                .list();
    }

    /** Entries booked after {@code day}, oldest first (the movements since the statement that ended that day). */
    @Transactional(readOnly = true)
    List<EntryLine> entriesAfter(UUID accountId, LocalDate day, int limit) {
        return jdbc.sql("select " + ENTRY_COLUMNS + " from banking.statement_entry where bank_account_id = ?"
                        + " and booking_date > ? order by booking_date, id limit ?")
                .params(accountId, Date.valueOf(day), limit)
                .query(AccountBalances::entry)
                .list();
    }

    private static StatementLine statement(ResultSet rs, int row) throws SQLException {
        return new StatementLine(
                rs.getObject("id", UUID.class),
                rs.getString("statement_id"),
                rs.getString("sequence"),
                rs.getObject("from_date", LocalDate.class),
                rs.getObject("to_date", LocalDate.class),
                rs.getString("currency"),
                rs.getBigDecimal("opening_balance"),
                rs.getBigDecimal("closing_balance"),
                rs.getInt("entries_total"),
                rs.getInt("entries_new"),
                rs.getBigDecimal("gap_previous_closing"),
                rs.getObject("import_id", UUID.class),
                rs.getTimestamp("imported_at").toInstant());
    }

    private static EntryLine entry(ResultSet rs, int row) throws SQLException {
        return new EntryLine(
                rs.getLong("id"),
                rs.getObject("statement_ref", UUID.class),
                rs.getObject("booking_date", LocalDate.class),
                rs.getObject("value_date", LocalDate.class),
                rs.getBigDecimal("amount"),
                rs.getString("currency"),
                rs.getString("direction"),
                rs.getString("counterparty_name"),
                rs.getString("counterparty_iban"),
                rs.getString("counterparty_bic"),
                rs.getString("remittance"),
                rs.getString("end_to_end_id"),
                rs.getString("bank_reference"),
                rs.getString("raw"),
                rs.getTimestamp("stored_at").toInstant());
    }
}
