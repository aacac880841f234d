package org.opsdesk.access.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.opsdesk.shared.Actor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appends to the security log: sign-ins, failures, lockouts, MFA changes, operator, role and key changes. Called
 * inside the transaction of the change it records, so the change and its record commit together. The client
 * address and user agent come from the current request, when there is one.
 */
@Component
public class SecurityLog {

    private static final int MAX_USER_AGENT = 512;

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
        String ip = request == null ? null : request.getRemoteAddr();
        String userAgent = request == null ? null : truncate(request.getHeader("User-Agent"));
        jdbc.sql(
                        """
                        insert into access.security_event
                            (at, kind, actor_kind, actor_id, actor_name, target, ip, user_agent, details)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)""")
                .params(
                        clock.instant().atOffset(ZoneOffset.UTC),
                        kind,
                        actorKind,
                        actorId,
                        actorName,
                        target,
                        ip,
                        userAgent,
                        json.writeValueAsString(new TreeMap<>(details)))
                .update();
    }

    private static @Nullable HttpServletRequest currentRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest()
                : null;
    }

    private static @Nullable String truncate(@Nullable String value) {
        return value == null || value.length() <= MAX_USER_AGENT ? value : value.substring(0, MAX_USER_AGENT);
    }
}
