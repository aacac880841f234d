package org.opsdesk.workflow;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.opsdesk.shared.Actor;

/**
 * An allowed move between two stages.
 *
 * @param permission what a principal must hold to take it ({@code <type>:transition:<to>} by default)
 * @param fourEyes how many checkers must approve it, by amount ({@link FourEyesPolicy#none()} when nobody)
 * @param after for timer transitions, how long after entering {@code from} it fires
 */
public record Transition(
        String from,
        String to,
        Trigger trigger,
        String permission,
        boolean reasonRequired,
        FourEyesPolicy fourEyes,
        @Nullable Duration after) {

    /** A person forcing a system or timer move needs this permission, and must give a reason. */
    public String overridePermission() {
        return permission + ":override";
    }

    /** Whether a principal with only {@link #permission()} may take it; otherwise it is an override. */
    public boolean takenWithoutOverrideBy(Actor.Kind kind) {
        return switch (trigger) {
            case MANUAL -> true;
            case SYSTEM -> kind == Actor.Kind.API_KEY;
            case TIMER -> kind == Actor.Kind.TIMER;
        };
    }
}
