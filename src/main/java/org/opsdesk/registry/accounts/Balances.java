package org.opsdesk.registry.accounts;

import static org.opsdesk.registry.records.SoftDeletes.ts;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The balances last read from the provider per account and currency, with the time read. */
@Repository
public class Balances {

    private final JdbcClient jdbc;

    Balances(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One balance as read: {@code available} to spend, {@code blocked} held (judicial blocks, disputes). */
    public record Balance(String currency, BigDecimal available, BigDecimal blocked, Instant readAt) {}

    /** Records what the provider said, replacing an older reading; a reading older than the kept one is ignored. */
    public void record(UUID accountId, Balance balance) {
        jdbc.sql(
                        """
                        insert into registry.provider_balance (account_id, currency, available, blocked, read_at)
                        values (?, ?, ?, ?, ?)
                        on conflict (account_id, currency) do update
                            set available = excluded.available, blocked = excluded.blocked, read_at = excluded.read_at
                            where registry.provider_balance.read_at <= excluded.read_at""")
                .params(accountId, balance.currency(), balance.available(), balance.blocked(), ts(balance.readAt()))
                .update();
    }

    public List<Balance> of(UUID accountId) {
        return jdbc.sql("select currency, available, blocked, read_at from registry.provider_balance"
                        + " where account_id = ? order by currency")
                .param(accountId)
                .query((rs, row) -> new Balance(
                        rs.getString("currency"),
                        rs.getBigDecimal("available"),
                        rs.getBigDecimal("blocked"),
                        rs.getObject("read_at", OffsetDateTime.class).toInstant()))
                .list();
    }
}
