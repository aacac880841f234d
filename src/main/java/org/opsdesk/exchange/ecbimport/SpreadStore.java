package org.opsdesk.exchange.ecbimport;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.opsdesk.shared.Actor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The pairs' spreads ({@code exchange.pair_spread}) and their insert-only change log. */
@Repository
class SpreadStore {

    /** A pair's spread as stored. */
    record Spread(String base, String quote, int spreadBps, Instant updatedAt, String updatedBy) {
        String pair() {
            return base + "/" + quote;
        }
    }

    private final JdbcClient jdbc;

    SpreadStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Spread> all() {
        return jdbc.sql("select * from exchange.pair_spread order by base, quote")
                .query((rs, n) -> new Spread(
                        rs.getString("base"),
                        rs.getString("quote"),
                        rs.getInt("spread_bps"),
                        rs.getObject("updated_at", OffsetDateTime.class).toInstant(),
                        rs.getString("updated_by")))
                .list();
    }

    Spread save(String base, String quote, int spreadBps, Actor actor, Instant at) {
        Integer before = jdbc.sql("select spread_bps from exchange.pair_spread where base = ? and quote = ? for update")
                .params(base, quote)
                .query(Integer.class)
                .optional()
                .orElse(null);
        var ts = at.atOffset(ZoneOffset.UTC);
        jdbc.sql(
                        """
                        insert into exchange.pair_spread (base, quote, spread_bps, updated_at, updated_by)
                        values (?, ?, ?, ?, ?)
                        on conflict (base, quote) do update set spread_bps = excluded.spread_bps,
                            updated_at = excluded.updated_at, updated_by = excluded.updated_by""")
                .params(base, quote, spreadBps, ts, actor.name())
                .update();
        jdbc.sql(
                        """
                        insert into exchange.pair_spread_change (base, quote, before_bps, after_bps, actor_kind,
                            actor_id, actor_name, changed_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(base, quote, before, spreadBps, actor.kind().code(), actor.id(), actor.name(), ts)
                .update();
        return new Spread(base, quote, spreadBps, at, actor.name());
    }
}
