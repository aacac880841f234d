package org.opsdesk.access.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.PeerAddress;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appends to the security log: sign-ins, failures, lockouts, MFA changes, operator, role and key changes. Called
 * inside the transaction of the change it records, so the change and its record commit together. The client
 * address (as forwarded by a trusted proxy), the connecting peer's address and the user agent come from the current
 * request, when there is one. Every text that may come from outside is cut to a bound with a visible marker, so
 * nobody can grow the insert-only log, or break its indexes, with one long input.
 */
@Component
public class SecurityLog {

    private static final int MAX_USER_AGENT = 512;
    private static final int MAX_ADDRESS = 64;
    /** Usernames typed into the sign-in form are the longest legitimate values; none is near this. */
    static final int MAX_TEXT = 200;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final JsonMapper json;

    SecurityLog(JdbcClient jdbc, Clock clock, JsonMapper json) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.json = json;
    }

    /** How entries name an operator they are about: {@code operator:<username>}, like {@code role:<name>}. */
    public static String operator(String username) {
        return "operator:" + username;
    }

    /** Records an event caused by a known principal. */
    public void record(String kind, Actor actor, @Nullable String target, Map<String, ?> details) {
        insert(kind, actor.kind().code(), actor.id(), actor.name(), target, details);
    }

    /** Records an event without an authenticated principal, such as a failed sign-in for a typed username. */
    public void recordAnonymous(String kind, @Nullable String target, Map<String, ?> details) {
        insert(kind, null, null, null, target, details);
    }

    private void insert(
            String kind,
            @Nullable String actorKind,
            @Nullable String actorId,
            @Nullable String actorName,
            @Nullable String target,
            Map<String, ?> details) {
        HttpServletRequest request = currentRequest();
        // a trusted proxy's X-Forwarded-For is copied as it came: bounded like any other outside text
        String ip = request == null ? null : BoundedText.cut(request.getRemoteAddr(), MAX_ADDRESS);
        String peerIp = request == null ? null : PeerAddress.of(request);
        String userAgent = request == null ? null : BoundedText.cut(request.getHeader("User-Agent"), MAX_USER_AGENT);
        jdbc.sql(
                        """
                        insert into access.security_event
                            (at, kind, actor_kind, actor_id, actor_name, target, ip, peer_ip, user_agent, details)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)""")
                .params(
                        clock.instant().atOffset(ZoneOffset.UTC),
                        kind,
                        actorKind,
                        BoundedText.cut(actorId, MAX_TEXT),
                        BoundedText.cut(actorName, MAX_TEXT),
                        BoundedText.cut(target, MAX_TEXT),
                        ip,
                        peerIp,
                        userAgent,
                        json.writeValueAsString(bounded(details)))
                .update();
    }

    /** The details with every text value cut to the bound; numbers and flags as they are. */
    private static Map<String, Object> bounded(Map<String, ?> details) {
        var bounded = new TreeMap<String, Object>();
        details.forEach((key, value) -> bounded.put(
                BoundedText.cut(key, MAX_TEXT),
                value instanceof CharSequence text ? BoundedText.cut(text.toString(), MAX_TEXT) : value));
        return bounded;
    }

    private static @Nullable HttpServletRequest currentRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest()
                : null;
    }
}
