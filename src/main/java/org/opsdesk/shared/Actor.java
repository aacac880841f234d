package org.opsdesk.shared;

import java.util.Objects;

/**
 * Who makes a change: a person, an integration's API key, or the system itself (a timer, a loader).
 *
 * @param kind what sort of principal this is
 * @param id stable id (operator username, API key id, process name)
 * @param name human-readable name kept in history even if the principal is later renamed or deleted
 * @param permissions what this principal may do
 * @param person the person behind the principal, which four-eyes compares: an operator is their own person
 *     ({@code operator:<username>}); an API key counts as the operator who created it, a key created by a key
 *     as that key's person, and a key with no human creator (the bootstrap or demo key) as a person of its own
 *     ({@code api_key:<id>}); internal processes are their own {@link #principalKey()}
 */
public record Actor(Kind kind, String id, String name, Permissions permissions, String person) {

    public enum Kind {
        OPERATOR,
        API_KEY,
        SYSTEM,
        TIMER;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public Actor {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(id);
        Objects.requireNonNull(name);
        Objects.requireNonNull(permissions);
        Objects.requireNonNull(person);
    }

    /** A principal that is its own person: an operator, or an internal process. */
    public Actor(Kind kind, String id, String name, Permissions permissions) {
        this(kind, id, name, permissions, kind.code() + ":" + id);
    }

    /** The timer process: fires timer transitions, needs no permission. */
    public static Actor timer() {
        return new Actor(Kind.TIMER, "timer", "timer", Permissions.none());
    }

    /** An internal process of Opsdesk itself (e.g. the demo loader), trusted with every move. */
    public static Actor system(String process) {
        return new Actor(Kind.SYSTEM, process, process, Permissions.all());
    }

    public boolean may(String permission) {
        return permissions.allows(permission);
    }

    /** Internal processes (timers, loaders) act without the checks meant for people and integrations. */
    public boolean isInternal() {
        return kind == Kind.SYSTEM || kind == Kind.TIMER;
    }

    /** Stable key for per-principal state such as idempotency keys. */
    public String principalKey() {
        return kind.code() + ":" + id;
    }
}
