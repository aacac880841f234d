package org.opsdesk.registry.users;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.actions.ActionInput;
import org.opsdesk.actions.ActionTarget;
import org.opsdesk.actions.Invocation;
import org.opsdesk.registry.records.ProviderAction;
import org.opsdesk.shared.Actor;

/**
 * An account action the provider carries out for one of the account's users ({@code userId}): checked to be an
 * active user of that account before anything is stored (422), and again when the request is sent.
 */
abstract class ForAUserAction extends ProviderAction {

    private final UserOfAccount users;

    ForAUserAction(String actionId, UserOfAccount users) {
        super(actionId);
        this.users = users;
    }

    @Override
    public @Nullable String unavailableBecause(ActionTarget target, Actor actor) {
        return null;
    }

    @Override
    public void check(@Nullable ActionTarget target, ActionInput input, Actor actor) {
        if (target != null) {
            users.checked(UUID.fromString(target.id()), input);
        }
    }

    @Override
    protected final Map<String, Object> fields(Invocation invocation) {
        var user = users.current(targetId(invocation), invocation.input());
        var fields = new LinkedHashMap<String, Object>();
        fields.put(UserOfAccount.FIELD, user.id().toString());
        fields.putAll(more(invocation));
        return fields;
    }

    /** What the request carries besides the user; nothing by default. */
    Map<String, Object> more(Invocation invocation) {
        return Map.of();
    }

    static String user(Invocation invocation) {
        return invocation.input().text(UserOfAccount.FIELD).orElse("");
    }
}
