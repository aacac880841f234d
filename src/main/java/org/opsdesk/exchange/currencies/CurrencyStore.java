package org.opsdesk.exchange.currencies;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.CurrencyCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The settings the office gave currencies ({@code exchange.currency_setting}, one row per configured code) and
 * their insert-only change log ({@code exchange.currency_change}: this class has no update or delete for it).
 */
@Repository
class CurrencyStore {

    /** One entry of a currency's change log; before is null for its first configuration. */
    record Change(Instant at, String actorName, @Nullable String before, String after) {}

    private static final String SNAPSHOT =
            "jsonb_build_object('enabled', cast(? as boolean), 'minAmount', cast(? as text), 'maxAmount',"
                    + " cast(? as text), 'paymentWindow', cast(? as text))";

    private final JdbcClient jdbc;
    private final TermsVersion terms;
    private final TermsVersion.Cached<Map<String, Row>> rows;

    CurrencyStore(JdbcClient jdbc, TermsVersion terms) {
        this.jdbc = jdbc;
        this.terms = terms;
        this.rows = terms.cache(this::load);
    }

    /** Every configured currency's row, by code; the dictionary decides which codes exist. */
    Map<String, Row> all() {
        return rows.get();
    }

    Optional<Row> find(String code) {
        return Optional.ofNullable(rows.get().get(code));
    }

    private Map<String, Row> load() {
        var loaded = new HashMap<String, Row>();
        jdbc.sql("select * from exchange.currency_setting").query((ResultSet rs) -> {
            var row = row(rs);
            loaded.put(row.code(), row);
        });
        return Map.copyOf(loaded);
    }

    /**
     * Serialises changes of one currency until the transaction ends (an advisory lock, since a currency never
     * configured has no row to lock yet), then reads its row: the "before" of the change log is then exact.
     */
    Optional<Row> lock(String code) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('exchange.currency_setting'), hashtext(?))")
                .param(code)
                .query((ResultSet rs) -> {});
        return jdbc.sql("select * from exchange.currency_setting where code = ?")
                .param(code)
                .query((rs, n) -> row(rs))
                .optional();
    }

    void save(CurrencyCode currency, SettingsChange change, @Nullable Row before, Actor actor, Instant at) {
        terms.changed();
        jdbc.sql(
                        """
                        insert into exchange.currency_setting (code, enabled, min_amount, max_amount,
                            payment_window_seconds, updated_at, updated_by)
                        values (?, ?, ?, ?, ?, ?, ?)
                        on conflict (code) do update set enabled = excluded.enabled,
                            min_amount = excluded.min_amount, max_amount = excluded.max_amount,
                            payment_window_seconds = excluded.payment_window_seconds,
                            updated_at = excluded.updated_at, updated_by = excluded.updated_by""")
                .params(
                        currency.code(),
                        change.enabled(),
                        change.minAmount(),
                        change.maxAmount(),
                        change.paymentWindow().toSeconds(),
                        ts(at),
                        actor.name())
                .update();
        var params = new java.util.ArrayList<@Nullable Object>(
                List.of(currency.code(), actor.kind().code(), actor.id(), actor.name(), ts(at)));
        String beforeSql = "null";
        if (before != null) {
            beforeSql = SNAPSHOT;
            params.addAll(snapshot(before.enabled(), before.minAmount(), before.maxAmount(), before.window()));
        }
        params.addAll(snapshot(change.enabled(), change.minAmount(), change.maxAmount(), change.paymentWindow()));
        jdbc.sql("insert into exchange.currency_change (code, actor_kind, actor_id, actor_name, changed_at, before,"
                        + " after) values (?, ?, ?, ?, ?, " + beforeSql + ", " + SNAPSHOT + ")")
                .params(params)
                .update();
    }

    /** The newest {@code limit} changes of a currency, newest first. */
    List<Change> changes(String code, int limit) {
        return jdbc.sql(
                        """
                        select changed_at, actor_name, cast(before as text) as before, cast(after as text) as after
                        from exchange.currency_change where code = ? order by id desc limit ?""")
                .params(code, limit)
                .query((rs, n) -> new Change(
                        instant(rs, "changed_at"),
                        rs.getString("actor_name"),
                        rs.getString("before"),
                        rs.getString("after")))
                .list();
    }

    private static List<@Nullable Object> snapshot(
            boolean enabled, @Nullable BigDecimal min, @Nullable BigDecimal max, Duration window) {
        return java.util.Arrays.asList(
                enabled,
                min == null ? null : min.toPlainString(),
                max == null ? null : max.toPlainString(),
                window.toString());
    }

    /** A stored row, before it is joined with the dictionary's currency. */
    record Row(
            String code,
            boolean enabled,
            @Nullable BigDecimal minAmount,
            @Nullable BigDecimal maxAmount,
            Duration window,
            Instant updatedAt,
            String updatedBy) {

        CurrencySettings settings(CurrencyCode currency) {
            return new CurrencySettings(
                    currency,
                    enabled,
                    scaled(minAmount, currency),
                    scaled(maxAmount, currency),
                    window,
                    updatedAt,
                    updatedBy);
        }

        private static @Nullable BigDecimal scaled(@Nullable BigDecimal amount, CurrencyCode currency) {
            return amount == null ? null : amount.setScale(currency.fractionDigits());
        }
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(
                rs.getString("code"),
                rs.getBoolean("enabled"),
                rs.getBigDecimal("min_amount"),
                rs.getBigDecimal("max_amount"),
                Duration.ofSeconds(rs.getLong("payment_window_seconds")),
                instant(rs, "updated_at"),
                rs.getString("updated_by"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static OffsetDateTime ts(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
