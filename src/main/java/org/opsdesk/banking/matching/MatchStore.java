package org.opsdesk.banking.matching;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.shared.Actor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * The matching's rows: the credit entries of an import not decided yet (read in batches), each entry's claim and
 * outcome ({@code banking.payment_match}: inserted once — the first to insert decides), the decisions' log and the
 * import's progress counter.
 */
@Repository
class MatchStore {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String ENTRY_COLUMNS = "e.id, e.import_id, e.bank_account_id, e.amount, e.currency,"
            + " e.booking_date, e.counterparty_name, e.counterparty_iban, e.remittance, e.bank_reference,"
            + " e.end_to_end_id";

    private final JdbcClient jdbc;

    MatchStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The next credit entries of the import that no one has decided, by id: not matched or queued yet, and not a
     * payout the bank returned (settled by its payout item).
     */
    List<EntryToMatch> undecidedCredits(UUID importId, long afterId, int limit) {
        return jdbc.sql(
                        "select " + ENTRY_COLUMNS
                                + """
                         from banking.statement_entry e
                        where e.import_id = :import and e.direction = 'CREDIT' and e.id > :after
                          and not exists (select 1 from banking.payment_match m where m.entry_id = e.id)
                          and not exists (select 1 from banking.payout_item p where p.settled_entry_id = e.id)
                        order by e.id
                        limit :limit""")
                .param("import", importId)
                .param("after", afterId)
                .param("limit", limit)
                .query(MatchStore::entry)
                .list();
    }

    /** One credit entry, whatever its state. */
    java.util.Optional<EntryToMatch> entry(long id) {
        return jdbc.sql("select " + ENTRY_COLUMNS + " from banking.statement_entry e where e.id = ?")
                .param(id)
                .query(MatchStore::entry)
                .optional();
    }

    /**
     * Claims the entry with the rules' verdict; false when another matcher claimed it first (the insert waits for
     * that one's transaction, then does nothing).
     */
    boolean claim(EntryToMatch entry, Verdict verdict, Instant at) {
        return jdbc.sql(
                                """
                        insert into banking.payment_match (entry_id, import_id, bank_account_id, state, queue_reason,
                            rule, score, evidence, candidates, order_id, matched_at)
                        values (:entry, :import, :account, :state, :reason, :rule, :score, cast(:evidence as jsonb),
                            :candidates, :order, :at)
                        on conflict (entry_id) do nothing""")
                        .param("entry", entry.id())
                        .param("import", entry.importId())
                        .param("account", entry.bankAccountId())
                        .param("state", verdict.automatic() ? "MATCHED" : "QUEUED")
                        .param(
                                "reason",
                                verdict.queued() == null
                                        ? null
                                        : verdict.queued().name())
                        .param("rule", verdict.rule().name())
                        .param("score", verdict.score())
                        .param("evidence", JSON.writeValueAsString(verdict.evidence()))
                        .param("candidates", verdict.candidates().toArray(UUID[]::new))
                        .param("order", verdict.orderId())
                        .param("at", Timestamp.from(at))
                        .update()
                == 1;
    }

    /**
     * Claims a batch's queued verdicts in one statement, each with its first decision in the log; entries another
     * matcher claimed first are left as they are.
     *
     * @return how many this call claimed
     */
    int claimQueued(List<EntryToMatch> entries, List<Verdict> verdicts, Actor actor, Instant at) {
        if (entries.isEmpty()) {
            return 0;
        }
        return claims(
                        """
                        with claimed as (
                            insert into banking.payment_match (entry_id, import_id, bank_account_id, state,
                                queue_reason, rule, score, evidence, candidates, order_id, matched_at)
                            select e, i, a, 'QUEUED', r, ru, s, cast(ev as jsonb),
                                   cast(string_to_array(c, ',') as uuid[]), o, :at
                              from unnest(cast(:entries as bigint[]), cast(:imports as uuid[]),
                                   cast(:accounts as uuid[]), cast(:reasons as text[]), cast(:rules as text[]),
                                   cast(:scores as int[]), cast(:evidence as text[]), cast(:candidates as text[]),
                                   cast(:orders as uuid[])) as t(e, i, a, r, ru, s, ev, c, o)
                            on conflict (entry_id) do nothing
                            returning entry_id, order_id, queue_reason, rule, score, candidates)
                        insert into banking.payment_decision (entry_id, decision, order_id, reason, details,
                            actor_kind, actor_id, actor_name, at)
                        select entry_id, 'QUEUED', order_id, queue_reason,
                               jsonb_build_object('rule', rule, 'score', score, 'candidates', to_jsonb(candidates)),
                               :kind, :actorId, :actorName, :at
                          from claimed""",
                        entries,
                        verdicts,
                        at)
                .param("reasons", verdicts.stream().map(v -> v.queued().name()).toArray(String[]::new))
                .param("candidates", verdicts.stream().map(MatchStore::joined).toArray(String[]::new))
                .param("kind", actor.kind().code())
                .param("actorId", actor.id())
                .param("actorName", actor.name())
                .update();
    }

    /** A claiming statement with what every claim binds: the entries and their verdicts as arrays, and the time. */
    private JdbcClient.StatementSpec claims(
            String sql, List<EntryToMatch> entries, List<Verdict> verdicts, Instant at) {
        return jdbc.sql(sql)
                .param("entries", entries.stream().map(EntryToMatch::id).toArray(Long[]::new))
                .param("imports", entries.stream().map(EntryToMatch::importId).toArray(UUID[]::new))
                .param(
                        "accounts",
                        entries.stream().map(EntryToMatch::bankAccountId).toArray(UUID[]::new))
                .param("rules", verdicts.stream().map(v -> v.rule().name()).toArray(String[]::new))
                .param("scores", verdicts.stream().map(Verdict::score).toArray(Integer[]::new))
                .param(
                        "evidence",
                        verdicts.stream()
                                .map(v -> JSON.writeValueAsString(v.evidence()))
                                .toArray(String[]::new))
                .param("orders", verdicts.stream().map(Verdict::orderId).toArray(UUID[]::new))
                .param("at", Timestamp.from(at));
    }

    private static String joined(Verdict verdict) {
        return String.join(
                ",", verdict.candidates().stream().map(UUID::toString).toList());
    }

    /**
     * Claims a batch's certain verdicts in one statement (state {@code MATCHED}, their orders to be confirmed in the
     * same transaction); the ids of the entries claimed — those another matcher or a cashier claimed first are
     * left out.
     */
    java.util.Set<Long> claimMatched(List<EntryToMatch> entries, List<Verdict> verdicts, Instant at) {
        if (entries.isEmpty()) {
            return java.util.Set.of();
        }
        return new java.util.HashSet<>(claims(
                        """
                        insert into banking.payment_match (entry_id, import_id, bank_account_id, state, rule, score,
                            evidence, candidates, order_id, matched_at)
                        select e, i, a, 'MATCHED', ru, s, cast(ev as jsonb), array[o], o, :at
                          from unnest(cast(:entries as bigint[]), cast(:imports as uuid[]),
                               cast(:accounts as uuid[]), cast(:rules as text[]), cast(:scores as int[]),
                               cast(:evidence as text[]), cast(:orders as uuid[])) as t(e, i, a, ru, s, ev, o)
                        on conflict (entry_id) do nothing
                        returning entry_id""",
                        entries,
                        verdicts,
                        at)
                .query(Long.class)
                .list());
    }

    /**
     * The claimed entries' orders confirmed, in one statement: the stage each left its order in, and the
     * {@code MATCHED} decision in each entry's log ({@code reasons}: the rule and score, as one entry's log says).
     */
    void matchedAll(
            List<Long> entryIds,
            List<UUID> orderIds,
            List<String> stages,
            List<String> reasons,
            Actor actor,
            Instant at) {
        if (entryIds.isEmpty()) {
            return;
        }
        jdbc.sql(
                        """
                        with confirmed as (
                            select * from unnest(cast(:entries as bigint[]), cast(:orders as uuid[]),
                                cast(:stages as text[]), cast(:reasons as text[])) as t(e, o, st, r)),
                        staged as (
                            update banking.payment_match m set order_stage = c.st
                              from confirmed c where m.entry_id = c.e)
                        insert into banking.payment_decision (entry_id, decision, order_id, reason, details,
                            actor_kind, actor_id, actor_name, at)
                        select e, 'MATCHED', o, r, jsonb_build_object('stage', st), :kind, :actorId, :actorName, :at
                          from confirmed""")
                .param("entries", entryIds.toArray(Long[]::new))
                .param("orders", orderIds.toArray(UUID[]::new))
                .param("stages", stages.toArray(String[]::new))
                .param("reasons", reasons.toArray(String[]::new))
                .param("kind", actor.kind().code())
                .param("actorId", actor.id())
                .param("actorName", actor.name())
                .param("at", Timestamp.from(at))
                .update();
    }

    /** The claimed entry's order confirmed: the stage it left the order in. */
    void matched(long entryId, String stage) {
        jdbc.sql("update banking.payment_match set order_stage = ? where entry_id = ?")
                .params(stage, entryId)
                .update();
    }

    /** The claimed entry queued after all (its order expired or was paid when the payment was applied). */
    void requeued(long entryId, Verdict verdict) {
        jdbc.sql(
                        """
                        update banking.payment_match set state = 'QUEUED', queue_reason = ?, score = ?,
                            evidence = cast(? as jsonb) where entry_id = ?""")
                .params(verdict.queued().name(), verdict.score(), JSON.writeValueAsString(verdict.evidence()), entryId)
                .update();
    }

    /** Appends a decision to the entry's log. */
    void log(
            long entryId,
            String decision,
            @Nullable UUID orderId,
            String reason,
            Map<String, Object> details,
            Actor actor,
            Instant at) {
        jdbc.sql(
                        """
                        insert into banking.payment_decision (entry_id, decision, order_id, reason, details,
                            actor_kind, actor_id, actor_name, at)
                        values (?, ?, ?, ?, cast(? as jsonb), ?, ?, ?, ?)""")
                .params(
                        entryId,
                        decision,
                        orderId,
                        reason,
                        JSON.writeValueAsString(details),
                        actor.kind().code(),
                        actor.id(),
                        actor.name(),
                        Timestamp.from(at))
                .update();
    }

    /** Adds to the import's "entries matched" counter, which the console polls. */
    void countMatched(UUID importId, int entries) {
        jdbc.sql("update banking.statement_import set entries_matched = entries_matched + ? where id = ?")
                .params(entries, importId)
                .update();
    }

    private static EntryToMatch entry(ResultSet rs, int row) throws SQLException {
        return new EntryToMatch(
                rs.getLong("id"),
                rs.getObject("import_id", UUID.class),
                rs.getObject("bank_account_id", UUID.class),
                rs.getBigDecimal("amount"),
                rs.getString("currency"),
                rs.getObject("booking_date", java.time.LocalDate.class),
                rs.getString("counterparty_name"),
                rs.getString("counterparty_iban"),
                rs.getString("remittance"),
                rs.getString("bank_reference"),
                rs.getString("end_to_end_id"));
    }
}
