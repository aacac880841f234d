package org.opsdesk.exchange.rates;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.opsdesk.exchange.currencies.TermsVersion;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.Keyset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Pairs with their current rate ({@code exchange.pair}), and the insert-only logs of rates ({@code rate_change}),
 * mode changes ({@code pair_mode_change}) and history exports ({@code rate_history_export}): this class has no
 * update or delete for any log.
 */
@Repository
class RateStore {

    /** A pair's row as stored. */
    record Pair(
            String base,
            String quote,
            ExchangeMode mode,
            java.math.BigDecimal buy,
            java.math.BigDecimal sell,
            String source,
            Instant updatedAt,
            String updatedBy) {}

    /** A range of a pair's history: from inclusive, to exclusive, either open. */
    record Range(@Nullable Instant from, @Nullable Instant to) {}

    private final JdbcClient jdbc;
    private final TermsVersion terms;
    private final TermsVersion.Cached<List<Pair>> pairs;

    RateStore(JdbcClient jdbc, TermsVersion terms) {
        this.jdbc = jdbc;
        this.terms = terms;
        this.pairs = terms.cache(() -> List.copyOf(jdbc.sql("select * from exchange.pair order by base, quote")
                .query((rs, n) -> pair(rs))
                .list()));
    }

    /** Every pair, by base and quote (a copy checked against {@code exchange.terms_version}). */
    List<Pair> pairs() {
        return pairs.get();
    }

    Optional<Pair> find(String base, String quote) {
        return pairs.get().stream()
                .filter(pair -> pair.base().equals(base) && pair.quote().equals(quote))
                .findFirst();
    }

    Optional<Pair> lock(String base, String quote) {
        return jdbc.sql("select * from exchange.pair where base = ? and quote = ? for update")
                .params(base, quote)
                .query((rs, n) -> pair(rs))
                .optional();
    }

    /** Records the rate in the history and makes it the pair's current one (a new pair starts {@code manual}). */
    void setRate(String base, String quote, RateChange change) {
        terms.changed();
        jdbc.sql(
                        """
                        insert into exchange.rate_change (id, base, quote, buy, sell, source, actor_kind, actor_id,
                            actor_name, changed_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        change.id(),
                        base,
                        quote,
                        change.buy(),
                        change.sell(),
                        change.source(),
                        change.actorKind(),
                        change.actorId(),
                        change.actorName(),
                        ts(change.changedAt()))
                .update();
        jdbc.sql(
                        """
                        insert into exchange.pair (base, quote, buy, sell, source, updated_at, updated_by,
                            last_change_id)
                        values (?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (base, quote) do update set buy = excluded.buy, sell = excluded.sell,
                            source = excluded.source, updated_at = excluded.updated_at,
                            updated_by = excluded.updated_by, last_change_id = excluded.last_change_id""")
                .params(
                        base,
                        quote,
                        change.buy(),
                        change.sell(),
                        change.source(),
                        ts(change.changedAt()),
                        change.actorName(),
                        change.id())
                .update();
    }

    void setMode(Pair pair, ExchangeMode mode, Actor actor, Instant at) {
        terms.changed();
        jdbc.sql("update exchange.pair set mode = ? where base = ? and quote = ?")
                .params(mode.code(), pair.base(), pair.quote())
                .update();
        jdbc.sql(
                        """
                        insert into exchange.pair_mode_change (base, quote, before_mode, after_mode, actor_kind,
                            actor_id, actor_name, changed_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        pair.base(),
                        pair.quote(),
                        pair.mode().code(),
                        mode.code(),
                        actor.kind().code(),
                        actor.id(),
                        actor.name(),
                        ts(at))
                .update();
    }

    /** Up to {@code limit} entries of the pair's history in the range after {@code after}, newest first. */
    List<RateChange> history(String base, String quote, Range range, Keyset.@Nullable TimeAndId after, int limit) {
        var sql = new StringBuilder("select * from exchange.rate_change where base = ? and quote = ?");
        var params = new ArrayList<Object>(List.of(base, quote));
        restrict(range, after, sql, params);
        sql.append(" order by changed_at desc, id desc limit ?");
        params.add(limit);
        return jdbc.sql(sql.toString())
                .params(params)
                .query((rs, n) -> change(rs))
                .list();
    }

    /** Hands every entry of the range to {@code each}, newest first, without keeping them; returns the count. */
    long export(String base, String quote, Range range, Consumer<RateChange> each) {
        var sql = new StringBuilder("select * from exchange.rate_change where base = ? and quote = ?");
        var params = new ArrayList<Object>(List.of(base, quote));
        restrict(range, null, sql, params);
        sql.append(" order by changed_at desc, id desc");
        long[] rows = {0};
        jdbc.sql(sql.toString()).params(params).query((ResultSet rs) -> {
            each.accept(change(rs));
            rows[0]++;
        });
        return rows[0];
    }

    void recordExport(UUID id, String base, String quote, Range range, long rows, Actor actor, Instant at) {
        jdbc.sql(
                        """
                        insert into exchange.rate_history_export (id, base, quote, from_at, to_at, row_count,
                            actor_kind, actor_id, actor_name, exported_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        id,
                        base,
                        quote,
                        range.from() == null ? null : ts(range.from()),
                        range.to() == null ? null : ts(range.to()),
                        rows,
                        actor.kind().code(),
                        actor.id(),
                        actor.name(),
                        ts(at))
                .update();
    }

    private static void restrict(
            Range range, Keyset.@Nullable TimeAndId after, StringBuilder sql, List<Object> params) {
        if (range.from() != null) {
            sql.append(" and changed_at >= ?");
            params.add(ts(range.from()));
        }
        if (range.to() != null) {
            sql.append(" and changed_at < ?");
            params.add(ts(range.to()));
        }
        if (after != null) {
            sql.append(" and (changed_at, id) < (?, ?)");
            params.add(ts(after.at()));
            params.add(after.id());
        }
    }

    private static Pair pair(ResultSet rs) throws SQLException {
        return new Pair(
                rs.getString("base"),
                rs.getString("quote"),
                ExchangeMode.ofCode(rs.getString("mode")).orElseThrow(),
                rs.getBigDecimal("buy"),
                rs.getBigDecimal("sell"),
                rs.getString("source"),
                instant(rs, "updated_at"),
                rs.getString("updated_by"));
    }

    private static RateChange change(ResultSet rs) throws SQLException {
        return new RateChange(
                rs.getObject("id", UUID.class),
                rs.getBigDecimal("buy"),
                rs.getBigDecimal("sell"),
                rs.getString("source"),
                rs.getString("actor_kind"),
                rs.getString("actor_id"),
                rs.getString("actor_name"),
                instant(rs, "changed_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static OffsetDateTime ts(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
