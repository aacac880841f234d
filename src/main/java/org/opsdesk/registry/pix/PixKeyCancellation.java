package org.opsdesk.registry.pix;

import java.time.Clock;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.opsdesk.actions.ActionRefused;
import org.opsdesk.actions.ActionTarget;
import org.opsdesk.actions.Applied;
import org.opsdesk.actions.Invocation;
import org.opsdesk.registry.records.RegistryAction;
import org.opsdesk.shared.Actor;
import org.springframework.stereotype.Component;

/**
 * {@code pix-key.cancel} (irreversible: the operator types the key): the key stops being the account's, and its
 * value is free for anyone to register — which is why it cannot be undone.
 */
@Component
class PixKeyCancellation extends RegistryAction {

    private final PixKeyStore keys;
    private final Clock clock;

    PixKeyCancellation(PixKeyStore keys, Clock clock) {
        super("pix-key.cancel");
        this.keys = keys;
        this.clock = clock;
    }

    @Override
    public @Nullable String unavailableBecause(ActionTarget target, Actor actor) {
        return target.state().equals("active") ? null : "the Pix key is " + target.state();
    }

    @Override
    public Applied apply(Invocation invocation, @Nullable Map<String, Object> providerResult) {
        var key = keys.lock(targetId(invocation))
                .orElseThrow(() -> new ActionRefused("the Pix key was deleted meanwhile"));
        if (!key.status().equals("active")) {
            throw new ActionRefused("the Pix key is " + key.status());
        }
        keys.cancel(key.id(), clock.instant());
        return new Applied(key.id().toString(), Map.of("status", "cancelled"));
    }
}
