package org.opsdesk.actions.invocation;

import java.util.Set;
import org.opsdesk.actions.ActionDefinition;
import org.opsdesk.actions.declarations.ActionDeclarations;
import org.opsdesk.operations.StatusChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Carries out an invocation once its checkers approved it: the approval's move to {@code approved} is announced
 * through operations' transactional outbox, whose relay hands the {@link StatusChanged} to this listener inside the
 * transaction that marks it relayed — so an approval is acted on even after a crash (the relay tries again, and
 * dead-letters it after repeated failures). Idempotent: only an invocation still in {@code approved}, its row
 * locked, is carried out; one the catalog applied at once (no four-eyes) is already past it. A provider action is
 * only handed over here (moved to {@code at_provider}, its call marked due, in the relay's transaction); {@link
 * UnansweredCalls} makes the call outside any transaction, so one slow provider stalls no other event's delivery.
 */
@Component
class ApprovedInvocations {

    private final Set<String> types;
    private final ActionDeclarations declarations;
    private final InvocationStore store;
    private final EffectApplier effects;
    private final ProviderCall provider;
    private final UnansweredCalls calls;

    ApprovedInvocations(
            ActionDeclarations declarations,
            InvocationStore store,
            EffectApplier effects,
            ProviderCall provider,
            UnansweredCalls calls) {
        this.types = Set.copyOf(ActionDefinition.FAMILIES.stream()
                .map(ActionDefinition::operationTypeOf)
                .toList());
        this.declarations = declarations;
        this.store = store;
        this.effects = effects;
        this.provider = provider;
        this.calls = calls;
    }

    @EventListener
    void on(StatusChanged changed) {
        if (!types.contains(changed.operation().type()) || !changed.toStage().equals(InvocationStarter.APPROVED)) {
            return;
        }
        var id = changed.operation().id();
        var stored = store.find(id).orElse(null);
        if (stored == null) {
            return;
        }
        boolean viaProvider = declarations
                .find(stored.actionId())
                .map(ActionDefinition::provider)
                .orElse(false);
        if (viaProvider) { // the call itself is made off the relay: a slow provider must not hold up other events
            provider.handOverForLater(id);
            calls.wakeAfterCommit();
            return;
        }
        store.lock(id).ifPresent(locked -> {
            if (effects.stageOf(id).equals(InvocationStarter.APPROVED)) {
                effects.apply(locked, null);
            }
        });
    }
}
