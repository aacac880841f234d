package org.opsdesk.registry.limits;

import static org.opsdesk.registry.records.SoftDeletes.ts;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.opsdesk.registry.records.Stamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Limits per transaction type: each type's values in {@code registry.limit_type}, which every account has unless it
 * has its own row in {@code registry.account_limit}. So a new type reaches a million accounts with one insert, and
 * "every account at once" is one statement over the accounts that differ.
 */
@Repository
public class LimitStore {

    private final JdbcClient jdbc;

    LimitStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A type's or an account's values for one transaction type. */
    public record Limit(
            String transactionType, BigDecimal daytime, BigDecimal nighttime, String currency, boolean own) {}

    public Optional<Limit> type(String code) {
        return jdbc.sql("select code, daytime_amount, nighttime_amount, currency from registry.limit_type where code"
                        + " = ?")
                .param(code)
                .query((rs, row) -> new Limit(
                        rs.getString("code"),
                        rs.getBigDecimal("daytime_amount"),
                        rs.getBigDecimal("nighttime_amount"),
                        rs.getString("currency"),
                        false))
                .optional();
    }

    /** Every type's values for the account: its own where it has them, else the type's. */
    public List<Limit> of(UUID accountId) {
        return jdbc.sql(
                        """
                        select t.code, coalesce(a.daytime_amount, t.daytime_amount) as daytime,
                            coalesce(a.nighttime_amount, t.nighttime_amount) as nighttime, t.currency,
                            a.account_id is not null as own
                        from registry.limit_type t
                        left join registry.account_limit a on a.transaction_type = t.code and a.account_id = ?
                        order by t.code""")
                .param(accountId)
                .query((rs, row) -> new Limit(
                        rs.getString("code"),
                        rs.getBigDecimal("daytime"),
                        rs.getBigDecimal("nighttime"),
                        rs.getString("currency"),
                        rs.getBoolean("own")))
                .list();
    }

    /** Inserts a new type; false when one with this code exists. */
    boolean define(Limit limit, Stamp stamp) {
        return jdbc.sql(
                                """
                                insert into registry.limit_type (code, daytime_amount, nighttime_amount, currency,
                                    created_at, created_by, updated_at, updated_by)
                                values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (code) do nothing""")
                        .params(
                                limit.transactionType(),
                                limit.daytime(),
                                limit.nighttime(),
                                limit.currency(),
                                ts(stamp.at()),
                                stamp.by(),
                                ts(stamp.at()),
                                stamp.by())
                        .update()
                == 1;
    }

    /** Sets one account's own values for a type. */
    void setForAccount(UUID accountId, Limit limit, Stamp stamp) {
        jdbc.sql(
                        """
                        insert into registry.account_limit (account_id, transaction_type, daytime_amount,
                            nighttime_amount, updated_at, updated_by)
                        values (?, ?, ?, ?, ?, ?)
                        on conflict (account_id, transaction_type) do update
                            set daytime_amount = excluded.daytime_amount,
                                nighttime_amount = excluded.nighttime_amount,
                                updated_at = excluded.updated_at, updated_by = excluded.updated_by""")
                .params(
                        accountId,
                        limit.transactionType(),
                        limit.daytime(),
                        limit.nighttime(),
                        ts(stamp.at()),
                        stamp.by())
                .update();
    }

    /**
     * Sets the type's values for every account: the type's own, and the accounts that had values of their own lose
     * them (they now have the type's). Returns how many accounts had their own.
     */
    int setForEveryAccount(Limit limit, Stamp stamp) {
        jdbc.sql("update registry.limit_type set daytime_amount = ?, nighttime_amount = ?, updated_at = ?,"
                        + " updated_by = ? where code = ?")
                .params(limit.daytime(), limit.nighttime(), ts(stamp.at()), stamp.by(), limit.transactionType())
                .update();
        return jdbc.sql("delete from registry.account_limit where transaction_type = ?")
                .param(limit.transactionType())
                .update();
    }

    /** Locks the type's row, so that two changes of every account's values apply one after the other. */
    Optional<Limit> lockType(String code) {
        return jdbc.sql("select code, daytime_amount, nighttime_amount, currency from registry.limit_type"
                        + " where code = ? for update")
                .param(code)
                .query((rs, row) -> new Limit(
                        rs.getString("code"),
                        rs.getBigDecimal("daytime_amount"),
                        rs.getBigDecimal("nighttime_amount"),
                        rs.getString("currency"),
                        false))
                .optional();
    }
}
