package org.opsdesk.banking.imports;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.banking.formats.ParsedEntry;
import org.opsdesk.banking.formats.ParsedStatement;
import org.opsdesk.shared.Actor;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** The SQL of imports, statements and entries. */
@Repository
class ImportStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HexFormat HEX = HexFormat.of();

    /** Entries go in one statement per this many rows: arrays through unnest, conflicts skipped. */
    static final int ENTRY_BATCH = 5_000;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    ImportStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    void begin(UUID id, byte[] sha256, @Nullable String fileName, long size, Actor actor, Instant at) {
        jdbc.sql(
                        """
                        insert into banking.statement_import (id, file_sha256, file_name, file_size,
                            created_by_kind, created_by_id, created_by_name, started_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, sha256, fileName, size, actor.kind().code(), actor.id(), actor.name(), Timestamp.from(at))
                .update();
    }

    /** Progress as the work goes (its own short transaction, so that the console sees it while the import runs). */
    void progress(UUID id, int statementsRead, int entriesStored) {
        jdbc.sql("update banking.statement_import set statements_read = ?, entries_stored = ? where id = ?")
                .params(statementsRead, entriesStored, id)
                .update();
    }

    void stored(UUID id, String format, String variant, int statements, int entriesNew, int entriesDuplicate) {
        jdbc.sql(
                        """
                        update banking.statement_import
                           set format = ?, variant = ?, statements_read = ?, entries_stored = ?, entries_new = ?,
                               entries_duplicate = ?
                         where id = ?""")
                .params(format, variant, statements, entriesNew + entriesDuplicate, entriesNew, entriesDuplicate, id)
                .update();
    }

    void finish(UUID id, List<ImportWarning> warnings, PhaseTimes times, Instant at) {
        jdbc.sql(
                        """
                        update banking.statement_import set state = 'DONE', warnings = cast(? as jsonb), finished_at = ?,
                               read_millis = ?, store_millis = ?, match_millis = ?
                         where id = ?""")
                .params(
                        JSON.writeValueAsString(warnings),
                        Timestamp.from(at),
                        times.readMillis(),
                        times.storeMillis(),
                        times.matchMillis(),
                        id)
                .update();
    }

    /** The file could not be stored after all (a refusal found while storing, a failure): kept with the problem. */
    void refuse(UUID id, String problem, Instant at) {
        jdbc.sql(
                        """
                        update banking.statement_import set state = 'REFUSED', refusal = cast(? as jsonb),
                               finished_at = ? where id = ? and state = 'RUNNING'""")
                .params(JSON.writeValueAsString(java.util.Map.of("detail", problem)), Timestamp.from(at), id)
                .update();
    }

    /** Serialises imports of one account, to the end of the caller's transaction. */
    void lockAccount(UUID bankAccountId) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended('banking.statement:' || ?, 0))")
                .param(bankAccountId.toString())
                .query()
                .singleValue();
    }

    /** The stored statement with this identity, if any. */
    Optional<UUID> statementOf(UUID bankAccountId, ParsedStatement statement) {
        return jdbc.sql(
                        """
                        select id from banking.statement
                         where bank_account_id = ? and statement_id = ? and coalesce(sequence, '') = ?""")
                .params(
                        bankAccountId,
                        statement.statementId(),
                        statement.sequence() == null ? "" : statement.sequence())
                .query(UUID.class)
                .optional();
    }

    void insertStatement(
            UUID id,
            UUID importId,
            UUID bankAccountId,
            ParsedStatement statement,
            String currency,
            @Nullable BigDecimal gapPreviousClosing,
            Instant at) {
        jdbc.sql(
                        """
                        insert into banking.statement (id, import_id, bank_account_id, account_identifier,
                            statement_id, sequence, from_date, to_date, currency, opening_balance, closing_balance,
                            entries_total, entries_new, gap_previous_closing, imported_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)""")
                .params(
                        id,
                        importId,
                        bankAccountId,
                        statement.accountIdentifier(),
                        statement.statementId(),
                        statement.sequence(),
                        statement.from(),
                        statement.to(),
                        currency,
                        statement.openingBalance() == null
                                ? null
                                : statement.openingBalance().amount(),
                        statement.closingBalance() == null
                                ? null
                                : statement.closingBalance().amount(),
                        statement.entries().size(),
                        gapPreviousClosing,
                        Timestamp.from(at))
                .update();
    }

    void linkStatement(UUID importId, int position, ImportResult.StoredStatement statement) {
        jdbc.sql(
                        """
                        insert into banking.import_statement (import_id, position, statement_ref, entries_total,
                            entries_new, first_import)
                        values (?, ?, ?, ?, ?, ?)""")
                .params(
                        importId,
                        position,
                        statement.id(),
                        statement.entriesTotal(),
                        statement.entriesNew(),
                        statement.firstImport())
                .update();
    }

    void countNewEntries(UUID statementId, int entriesNew) {
        jdbc.sql("update banking.statement set entries_new = ? where id = ?")
                .params(entriesNew, statementId)
                .update();
    }

    /**
     * The closing balance of the account's statement just before one that opens on {@code day}: the latest that
     * ends on or before it, other than {@code except}.
     */
    Optional<BigDecimal> closingBefore(UUID bankAccountId, java.time.LocalDate day, UUID except) {
        return jdbc.sql(
                        """
                        select closing_balance from banking.statement
                         where bank_account_id = ? and id <> ? and closing_balance is not null and to_date <= ?
                         order by to_date desc, imported_at desc limit 1""")
                .params(bankAccountId, except, day)
                .query(BigDecimal.class)
                .optional();
    }

    /** The account's statement that ends last (its closing balance is the account's balance). */
    Optional<Latest> latestStatement(UUID bankAccountId) {
        return jdbc.sql(
                        """
                        select closing_balance, to_date from banking.statement
                         where bank_account_id = ? and closing_balance is not null and to_date is not null
                         order by to_date desc, imported_at desc limit 1""")
                .param(bankAccountId)
                .query((rs, row) -> new Latest(rs.getBigDecimal(1), rs.getObject(2, java.time.LocalDate.class)))
                .optional();
    }

    record Latest(BigDecimal closingBalance, java.time.LocalDate toDate) {}

    /**
     * Stores a slice of a statement's entries; those the account has already (same fingerprint) are skipped.
     *
     * @return how many were new
     */
    int insertEntries(
            UUID bankAccountId,
            UUID statementId,
            UUID importId,
            List<ParsedEntry> entries,
            List<byte[]> fingerprints,
            Instant at) {
        return template.execute((ConnectionCallback<Integer>) connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT_ENTRIES)) {
                insert.setObject(1, bankAccountId);
                insert.setObject(2, statementId);
                insert.setObject(3, importId);
                insert.setTimestamp(4, Timestamp.from(at));
                bindColumns(connection, insert, entries, fingerprints);
                return insert.executeUpdate();
            }
        });
    }

    private static final String INSERT_ENTRIES =
            """
            insert into banking.statement_entry (bank_account_id, statement_ref, import_id, stored_at, fingerprint,
                booking_date, value_date, amount, currency, direction, counterparty_name, counterparty_iban,
                counterparty_bic, remittance, end_to_end_id, bank_reference, raw)
            select ?, ?, ?, ?, decode(e.fingerprint, 'hex'), e.booking_date::date, e.value_date::date,
                   e.amount::numeric, e.currency, e.direction, e.name, e.iban, e.bic, e.remittance, e.e2e, e.ref, e.raw
              from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                          ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                   as e(fingerprint, booking_date, value_date, amount, currency, direction, name, iban, bic,
                        remittance, e2e, ref, raw)
            on conflict (bank_account_id, fingerprint) do nothing""";

    private static void bindColumns(
            Connection connection, PreparedStatement insert, List<ParsedEntry> entries, List<byte[]> fingerprints)
            throws SQLException {
        int n = entries.size();
        String[][] columns = new String[13][n];
        for (int i = 0; i < n; i++) {
            ParsedEntry entry = entries.get(i);
            columns[0][i] = HEX.formatHex(fingerprints.get(i));
            columns[1][i] = entry.bookingDate().toString();
            columns[2][i] = entry.valueDate() == null ? null : entry.valueDate().toString();
            columns[3][i] = entry.amount().amount().toPlainString();
            columns[4][i] = entry.amount().currency().code();
            columns[5][i] = entry.direction().name();
            columns[6][i] = entry.counterparty().name();
            columns[7][i] = entry.counterparty().iban();
            columns[8][i] = entry.counterparty().bic();
            columns[9][i] = entry.remittance();
            columns[10][i] = entry.endToEndId();
            columns[11][i] = entry.bankReference();
            columns[12][i] = entry.raw();
        }
        for (int c = 0; c < columns.length; c++) {
            insert.setArray(5 + c, connection.createArrayOf("text", columns[c]));
        }
    }
}
