package org.opsdesk.actions.invocation;

import org.opsdesk.actions.ActionOutcome;
import org.opsdesk.actions.ActionRequest;
import org.opsdesk.operations.OperationQueries;
import org.opsdesk.operations.OperationSnapshot;
import org.opsdesk.operations.TransitionResult;
import org.opsdesk.shared.Actor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Invokes an action. A local one is one transaction (the caller's when there is one, such as an idempotent
 * request's), checks included: without a checker the effect is applied and the operation created directly in
 * {@code applied} (or {@code refused}) with one history entry listing the moves; with checkers the operation is
 * created and a four-eyes request opened — or, when the maker's move applied anyway, the effect applied and the
 * operation moved to {@code applied}. A provider action commits its operation first — at {@code at_provider}, or in
 * {@code requested} awaiting its checkers — so the provider is asked outside any transaction, and its answer is
 * applied in another.
 */
@Service
public class ActionInvoker {

    private final InvocationChecks checks;
    private final InvocationStarter starter;
    private final InvocationStore store;
    private final EffectApplier effects;
    private final ProviderCall provider;
    private final OperationQueries queries;
    private final TransactionTemplate joined;
    private final TransactionTemplate own;

    ActionInvoker(
            InvocationChecks checks,
            InvocationStarter starter,
            InvocationStore store,
            EffectApplier effects,
            ProviderCall provider,
            OperationQueries queries,
            PlatformTransactionManager transactions) {
        this.checks = checks;
        this.starter = starter;
        this.store = store;
        this.effects = effects;
        this.provider = provider;
        this.queries = queries;
        this.joined = new TransactionTemplate(transactions);
        this.own = new TransactionTemplate(transactions);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    public ActionOutcome invoke(ActionRequest request, Actor actor) {
        if (!checks.action(request.actionId()).provider()) {
            // The checks' reads join the one transaction too: one commit for the whole invocation.
            return joined.execute(status -> {
                Prepared prepared = checks.prepare(request, actor);
                String kind = String.valueOf(prepared.action().target());
                if (prepared.requiredApprovals() == 0) {
                    var started = starter.startApplied(prepared);
                    return new ActionOutcome(started.operation(), kind, started.targetId(), null);
                }
                TransitionResult started = starter.start(prepared);
                if (!started.applied()) {
                    return outcome(started, kind);
                }
                var stored = store.lock(started.operation().id()).orElseThrow();
                OperationSnapshot applied = effects.apply(stored, null);
                return outcome(applied, kind, null);
            });
        }
        Prepared prepared = checks.prepare(request, actor);
        String kind = String.valueOf(prepared.action().target());
        TransitionResult started = own.execute(status -> starter.start(prepared));
        if (!started.applied()) {
            return outcome(started, kind);
        }
        provider.carryOut(started.operation().id());
        return outcome(queries.get(started.operation().id(), CatalogActor.CATALOG), kind, null);
    }

    private ActionOutcome outcome(TransitionResult started, String kind) {
        return outcome(started.operation(), kind, started.approval());
    }

    private ActionOutcome outcome(
            OperationSnapshot operation,
            String kind,
            org.opsdesk.operations.@org.jspecify.annotations.Nullable ApprovalRequest approval) {
        String targetId =
                store.find(operation.id()).map(InvocationStore.Stored::targetId).orElse(null);
        return new ActionOutcome(operation, kind, targetId, approval);
    }
}
