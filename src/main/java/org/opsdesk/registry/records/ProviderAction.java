package org.opsdesk.registry.records;

import java.util.LinkedHashMap;
import java.util.Map;
import org.opsdesk.actions.ActionInput;
import org.opsdesk.actions.Invocation;
import org.opsdesk.shared.InvalidInput;
import org.opsdesk.shared.Money;

/**
 * A registry action carried out at the provider (declared {@code provider: required}). Its request names the
 * account as the provider knows it — Opsdesk's account id and number — plus the action's own {@link #fields}; the
 * connector adds the operation id as {@code Idempotency-Key}.
 */
public abstract class ProviderAction extends RegistryAction {

    protected ProviderAction(String actionId) {
        super(actionId);
    }

    @Override
    public final Map<String, Object> providerRequest(Invocation invocation) {
        var body = new LinkedHashMap<String, Object>();
        var target = target(invocation);
        body.put("accountId", target.facts().getOrDefault("accountId", target.id()));
        body.put("accountNumber", target.facts().getOrDefault("number", target.identifier()));
        body.putAll(fields(invocation));
        return body;
    }

    /** The money input {@code field}, which the declaration makes required. */
    protected static Money money(ActionInput input, String field) {
        return input.money(field).orElseThrow(() -> InvalidInput.of(field, "is required"));
    }

    /** An amount as the provider reads it: {@code {"value": "10.00", "currency": "BRL"}}. */
    protected static Map<String, Object> json(Money amount) {
        return Map.of("value", amount.value(), "currency", amount.currency().code());
    }

    /** What this action asks besides the account; none by default. */
    protected Map<String, Object> fields(Invocation invocation) {
        return Map.of();
    }
}
