package org.opsdesk.access.keys;

import java.util.List;
import org.opsdesk.shared.Actor;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/** An authenticated principal as Spring Security holds it; the {@link Actor} is what modules use. */
public final class ActorAuthentication extends AbstractAuthenticationToken {

    private final Actor actor;

    public ActorAuthentication(Actor actor) {
        super(List.of());
        this.actor = actor;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    /** The principal's stable key, not the actor's full description (which lists every permission). */
    @Override
    public String getName() {
        return actor.principalKey();
    }

    @Override
    public Actor getPrincipal() {
        return actor;
    }
}
