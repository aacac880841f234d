package org.opsdesk.banking.imports;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
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

    void begin(UUID id, byte[] sha256, @Nullable String fileName, long size, Actor actor, String node, Instant at) {
        jdbc.sql(
                        """
                        insert into banking.statement_import (id, file_sha256, file_name, file_size,
                            created_by_kind, created_by_id, created_by_name, started_at, claimed_by, heartbeat_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        id,
                        sha256,
                        fileName,
                        size,
                        actor.kind().code(),
                        actor.id(),
                        actor.name(),
                        Timestamp.from(at),
                        node,
                        Timestamp.from(at))
                .update();
    }

    /**
     * Renews the heartbeat of the running imports {@code node} holds; a row locked by its own storing transaction
     * (about to commit) is skipped rather than waited for.
     */
    void renew(Collection<UUID> ids, String node, Instant at) {
        jdbc.sql(
                        """
                        update banking.statement_import set heartbeat_at = ?
                         where id in (select id from banking.statement_import
                                       where id = any(?) and claimed_by = ? and state = 'RUNNING'
                                       for update skip locked)""")
                .params(Timestamp.from(at), ids.toArray(UUID[]::new), node)
                .update();
    }

    /** A running import another node left: whether its statements were stored, and which node it was. */
    record Stale(UUID id, boolean stored, @Nullable String previousNode) {}

    /**
     * Takes over, for {@code node}, the oldest running import whose heartbeat is older than {@code staleBefore};
     * rows another node holds locked are skipped, so two nodes never take the same one. Imports of uploaded files
     * are left to the uploads' own lease (their worker imports the file again).
     */
    Optional<Stale> claimStale(String node, Instant staleBefore, Instant now) {
        return jdbc.sql(
                        """
                        with due as (
                          select i.id, i.claimed_by as previous from banking.statement_import i
                           where i.state = 'RUNNING' and coalesce(i.heartbeat_at, i.started_at) < :stale
                             and not exists (select 1 from banking.statement_upload u where u.import_id = i.id)
                           order by i.started_at limit 1
                           for update skip locked)
                        update banking.statement_import s set claimed_by = :node, heartbeat_at = :now
                          from due where s.id = due.id
                        returning s.id, s.format is not null as stored, due.previous""")
                .param("stale", Timestamp.from(staleBefore))
                .param("node", node)
                .param("now", Timestamp.from(now))
                .query((rs, row) ->
                        new Stale(rs.getObject("id", UUID.class), rs.getBoolean("stored"), rs.getString("previous")))
                .optional();
    }

    /** The gaps the import's own new statements opened, as the importer warned of them. */
    List<ImportWarning> gapWarnings(UUID importId) {
        return jdbc.sql(
                        """
                        select l.position, s.opening_balance, s.gap_previous_closing, s.account_identifier
                          from banking.import_statement l join banking.statement s on s.id = l.statement_ref
                         where l.import_id = ? and s.import_id = l.import_id and s.gap_previous_closing is not null
                         order by l.position""")
                .param(importId)
                .query((rs, row) -> new ImportWarning(
                        "GAP",
                        rs.getInt("position"),
                        "opens at " + rs.getBigDecimal("opening_balance").toPlainString()
                                + " but the previous statement of " + rs.getString("account_identifier")
                                + " closed at "
                                + rs.getBigDecimal("gap_previous_closing").toPlainString()
                                + ": a statement is missing in between"))
                .list();
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

    /** Ends the import that {@code node} holds (a node that lost it to another one ends nothing). */
    void finish(UUID id, String node, List<ImportWarning> warnings, PhaseTimes times, Instant at) {
        jdbc.sql(
                        """
                        update banking.statement_import set state = 'DONE', warnings = cast(? as jsonb), finished_at = ?,
                               read_millis = coalesce(?, read_millis), store_millis = coalesce(?, store_millis),
                               match_millis = ?
                         where id = ? and state = 'RUNNING' and claimed_by = ?""")
                .params(
                        JSON.writeValueAsString(warnings),
                        Timestamp.from(at),
                        times.readMillis(),
                        times.storeMillis(),
                        times.matchMillis(),
                        id,
                        node)
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
