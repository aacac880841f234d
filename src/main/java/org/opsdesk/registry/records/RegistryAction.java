package org.opsdesk.registry.records;

import java.util.UUID;
import org.opsdesk.actions.ActionHandler;
import org.opsdesk.actions.ActionTarget;
import org.opsdesk.actions.Invocation;
import org.opsdesk.shared.CurrencyCode;

/** What the registry's action handlers share: their declared id, and the target an invocation acts on. */
public abstract class RegistryAction implements ActionHandler {

    /** The registry keeps amounts in reais: a Brazilian account's limits, balances and incomes. */
    public static final CurrencyCode BRL = new CurrencyCode("BRL", 2);

    private final String actionId;

    protected RegistryAction(String actionId) {
        this.actionId = actionId;
    }

    @Override
    public final String actionId() {
        return actionId;
    }

    /** The record acted on; the catalog always passes it to actions that do not create one. */
    protected static ActionTarget target(Invocation invocation) {
        var target = invocation.target();
        if (target == null) {
            throw new IllegalStateException(invocation.actionId() + " acts on a record, but none was given");
        }
        return target;
    }

    protected static UUID targetId(Invocation invocation) {
        return UUID.fromString(target(invocation).id());
    }
}
