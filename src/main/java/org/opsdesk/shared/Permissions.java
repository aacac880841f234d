package org.opsdesk.shared;

import java.util.Set;

/**
 * A set of granted permission names such as {@code withdrawal:transition:approved}. A grant of {@code *} allows
 * everything; a grant ending in {@code :*} allows every permission below that prefix ({@code withdrawal:*}).
 */
public record Permissions(Set<String> granted) {

    public static final String ALL = "*";

    public Permissions {
        granted = Set.copyOf(granted);
    }

    public static Permissions none() {
        return new Permissions(Set.of());
    }

    public static Permissions all() {
        return new Permissions(Set.of(ALL));
    }

    public static Permissions of(String... names) {
        return new Permissions(Set.of(names));
    }

    public boolean allows(String permission) {
        if (granted.contains(ALL) || granted.contains(permission)) {
            return true;
        }
        for (int colon = permission.lastIndexOf(':'); colon > 0; colon = permission.lastIndexOf(':', colon - 1)) {
            if (granted.contains(permission.substring(0, colon) + ":*")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether any permission under a prefix is granted: {@code withdrawal:transition:*} is satisfied by
     * {@code withdrawal:transition:approved}, by {@code withdrawal:*} or by {@code *}. For gates that let the
     * caller in when they can do at least one of a family of actions; the action itself is checked later.
     */
    public boolean allowsSomethingUnder(String wildcard) {
        if (!wildcard.endsWith(":*")) {
            return allows(wildcard);
        }
        String prefix = wildcard.substring(0, wildcard.length() - 1);
        return allows(wildcard) || granted.stream().anyMatch(name -> name.startsWith(prefix));
    }

    /**
     * What both sets allow, as grants: a permission is allowed by the result exactly when both allow it. Two
     * grants that allow the same permission are nested ({@code *} over {@code withdrawal:*} over {@code
     * withdrawal:view}), so the narrower of each such pair is kept.
     */
    public Permissions intersect(Permissions other) {
        var kept = new java.util.HashSet<String>();
        granted.stream().filter(other::allows).forEach(kept::add);
        other.granted.stream().filter(this::allows).forEach(kept::add);
        return new Permissions(kept);
    }
}
