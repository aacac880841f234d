package org.opsdesk.exchange.publicrates;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the public rate files depend on, read in one query: the latest change to pairs (rates and modes), currency
 * settings and bank accounts (balances), the moment the newest stale rate went stale, how many pairs are still
 * fresh, and a digest of every pair's current rate id and mode (so a change written with a lagging clock on another
 * instance still shows). When none of it moved, the files are the same.
 */
@Repository
class DeskVersion {

    /** The state's name and when it last changed. */
    record Version(String name, Instant lastModified) {}

    private final JdbcClient jdbc;

    DeskVersion(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Version at(Instant now, Duration maxAge) {
        var staleBefore = now.minus(maxAge).atOffset(ZoneOffset.UTC);
        return jdbc.sql(
                        """
                        select greatest(
                                (select max(updated_at) from exchange.pair),
                                (select max(changed_at) from exchange.pair_mode_change),
                                (select max(updated_at) from exchange.currency_setting),
                                (select max(updated_at) from exchange.bank_account),
                                (select max(balance_as_of) from exchange.bank_account),
                                (select max(updated_at) from exchange.pair where updated_at < ?) + cast(? as interval)
                            ) as changed,
                            (select count(*) from exchange.pair where updated_at >= ?) as fresh,
                            (select md5(string_agg(base || quote || mode || last_change_id, ',' order by base, quote))
                                from exchange.pair) as pairs""")
                .params(staleBefore, maxAge.toSeconds() + " seconds", staleBefore)
                .query((rs, n) -> {
                    var changed = rs.getObject("changed", OffsetDateTime.class);
                    Instant at = changed == null ? Instant.EPOCH : changed.toInstant();
                    String state = at + "|" + rs.getLong("fresh") + "|" + rs.getString("pairs");
                    return new Version(hash(state), at);
                })
                .single();
    }

    private static String hash(String state) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(state.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 10);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
