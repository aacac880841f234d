package org.opsdesk.access.gate;

import java.util.Optional;
import org.opsdesk.access.keys.ActorAuthentication;
import org.opsdesk.shared.Actor;
import org.springframework.security.core.context.SecurityContextHolder;

/** The principal of the current request, as an {@link Actor}. */
public final class CurrentActor {

    private CurrentActor() {}

    public static Optional<Actor> find() {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof ActorAuthentication authentication) {
            return Optional.of((Actor) authentication.getPrincipal());
        }
        return Optional.empty();
    }
}
