package org.opsdesk.registry.accounts;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.opsdesk.actions.ActionTarget;
import org.opsdesk.actions.Applied;
import org.opsdesk.actions.Invocation;
import org.opsdesk.registry.records.ProviderAction;
import org.opsdesk.registry.records.ProviderResults;
import org.opsdesk.shared.Actor;
import org.springframework.stereotype.Component;

/**
 * {@code account.med-notices}: reads the account's MED notices (Pix special-return requests, the Central Bank's
 * Mecanismo Especial de Devolução) at the provider — {@code {"notices": [{"id", "status", "amount", "reason"}]}} —
 * and lists them in the invocation's applied changes, the first {@value #LISTED} one by one and the count of all.
 * A read: nothing of Opsdesk's records changes.
 */
@Component
class MedNotices extends ProviderAction {

    static final int LISTED = 20;

    MedNotices() {
        super("account.med-notices");
    }

    @Override
    public @Nullable String unavailableBecause(ActionTarget target, Actor actor) {
        return null;
    }

    @Override
    public Applied apply(Invocation invocation, @Nullable Map<String, Object> providerResult) {
        var notices = ProviderResults.objects(providerResult, "notices", true);
        var changes = new LinkedHashMap<String, String>();
        changes.put("notices", String.valueOf(notices.size()));
        for (var notice : notices.subList(0, Math.min(LISTED, notices.size()))) {
            changes.put(
                    "notice." + ProviderResults.text(notice, "id"),
                    String.join(
                            ", ",
                            ProviderResults.optionalText(notice, "status").orElse("status unknown"),
                            ProviderResults.optionalText(notice, "amount").orElse("amount unknown"),
                            ProviderResults.optionalText(notice, "reason").orElse("no reason given")));
        }
        return new Applied(targetId(invocation).toString(), changes);
    }
}
