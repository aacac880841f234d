package org.opsdesk.access;

import org.jspecify.annotations.Nullable;

/**
 * What other modules may know of an operator to write to them: where, in which language, and whether they are
 * still someone to write to. Nothing about their roles, sign-in or second factor.
 *
 * @param email null when the operator has none, and always for a deleted operator
 * @param locale the operator's language ({@code en}, {@code pt-BR}, {@code nl}, {@code pl})
 * @param enabled false for a disabled operator, and for a deleted one
 * @param deleted the operator was deleted (the username stays taken, the profile is kept for history)
 */
public record OperatorContact(
        String username, String displayName, @Nullable String email, String locale, boolean enabled, boolean deleted) {}
