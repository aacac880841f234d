package org.opsdesk.exchange.accounts;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.shared.Actor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appends to {@code exchange.bank_account_change}, in the transaction of the change it records: who, when, what,
 * and the account's values before and after. Insert-only: no method here changes or removes an entry, and a
 * trigger refuses it in the database.
 */
@Component
class BankAccountChangeLog {

    /** One recorded change, its values as stored (JSON). */
    record Entry(java.time.Instant at, String action, String actorName, @Nullable String before, String after) {}

    private final JdbcClient jdbc;
    private final Clock clock;
    private final JsonMapper json;

    BankAccountChangeLog(JdbcClient jdbc, Clock clock, JsonMapper json) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.json = json;
    }

    void record(String action, Actor actor, @Nullable BankAccount before, BankAccount after) {
        jdbc.sql(
                        """
                        insert into exchange.bank_account_change
                            (bank_account_id, at, action, actor_kind, actor_id, actor_name, before, after)
                        values (?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb)""")
                .params(
                        after.id(),
                        clock.instant().atOffset(ZoneOffset.UTC),
                        action,
                        actor.kind().code(),
                        actor.id(),
                        actor.name(),
                        before == null ? null : json.writeValueAsString(values(before)),
                        json.writeValueAsString(values(after)))
                .update();
    }

    /** The newest changes of an account first, at most {@code limit}. */
    List<Entry> recent(UUID accountId, int limit) {
        return jdbc.sql(
                        """
                        select at, action, actor_name, before::text as before, after::text as after
                        from exchange.bank_account_change where bank_account_id = ? order by id desc limit ?""")
                .params(accountId, limit)
                .query((rs, n) -> new Entry(
                        rs.getObject("at", OffsetDateTime.class).toInstant(),
                        rs.getString("action"),
                        rs.getString("actor_name"),
                        rs.getString("before"),
                        rs.getString("after")))
                .list();
    }

    /** What an entry keeps of an account: what people set, not the balance the statements bring. */
    private static Map<String, Object> values(BankAccount account) {
        var values = new LinkedHashMap<String, Object>();
        values.put("bankName", account.bankName());
        values.put("bic", account.bic());
        values.put("number", account.number());
        values.put("currency", account.currency());
        values.put("purpose", account.purpose().code());
        values.put("defaultIncoming", account.defaultIncoming());
        values.put("defaultPayout", account.defaultPayout());
        values.put("active", account.active());
        return values;
    }
}
