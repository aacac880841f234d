package org.opsdesk.portal.account;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The audit trail of portal accounts ({@code portal.client_event}, insert-only in the database): every change a
 * client makes to their account and every sign-in, right or refused, with the address it came from. Written in the
 * transaction of the change it records.
 */
@Component
public class AccountEvents {

    /** What happened. */
    public enum Kind {
        REGISTERED,
        EMAIL_VERIFIED,
        PHONE_VERIFIED,
        KYC_OPENED,
        SIGNED_IN,
        SIGN_IN_REFUSED,
        LOCKED,
        CODE_REFUSED,
        TOTP_ENABLED,
        TOTP_DISABLED;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** One entry, as the console shows it. */
    public record Event(String kind, @Nullable String address, Instant at) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    AccountEvents(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records the event, with the address of the current request if there is one. */
    public void record(UUID client, Kind kind) {
        jdbc.sql("insert into portal.client_event (client_id, kind, address, at) values (?, ?, ?, ?)")
                .params(client, kind.code(), address(), Timestamp.from(clock.instant()))
                .update();
    }

    /** The newest events of a client, newest first. */
    public List<Event> latest(UUID client, int limit) {
        return jdbc.sql("select kind, address, at from portal.client_event where client_id = ? order by id desc"
                        + " limit ?")
                .params(client, limit)
                .query((rs, n) -> new Event(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getObject(3, OffsetDateTime.class).toInstant()))
                .list();
    }

    private static @Nullable String address() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
                ? request.getRequest().getRemoteAddr()
                : null;
    }
}
