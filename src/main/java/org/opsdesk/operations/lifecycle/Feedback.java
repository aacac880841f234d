package org.opsdesk.operations.lifecycle;

import org.jspecify.annotations.Nullable;

/**
 * What the page says after an action: a notice at the top after success, or a message beside the control that
 * caused a refusal ({@code control} is the id suffix of its error slot, such as {@code move-rejected}).
 *
 * @param staleBy who changed the operation meanwhile, when the refusal was a stale version
 */
public record Feedback(
        @Nullable String notice, @Nullable String control, @Nullable String error, @Nullable String staleBy) {

    public static final Feedback NONE = new Feedback(null, null, null, null);

    public static Feedback notice(String message) {
        return new Feedback(message, null, null, null);
    }

    public static Feedback error(String control, String message) {
        return new Feedback(null, control, message, null);
    }

    public static Feedback stale(String control, String message, String by) {
        return new Feedback(null, control, message, by);
    }

    /** The message for the control with this id suffix, or null. */
    @Nullable
    public String errorFor(String id) {
        return id.equals(control) ? error : null;
    }
}
