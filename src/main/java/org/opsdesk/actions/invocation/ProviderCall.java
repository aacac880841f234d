package org.opsdesk.actions.invocation;

import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.actions.Invocation;
import org.opsdesk.actions.ProviderAnswer;
import org.opsdesk.actions.ProviderGateway;
import org.opsdesk.actions.declarations.ActionDeclarations;
import org.opsdesk.operations.OperationQueries;
import org.opsdesk.operations.OperationSnapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Carries an approved provider action out: commits its operation at {@code at_provider}, asks the provider outside
 * any transaction (suspending the caller's) — at once for an invocation applied on its request, through {@link
 * UnansweredCalls} for one approved by checkers (never on the outbox relay) — then, in a transaction of its own,
 * applies or moves it by the answer —
 * {@code Done} applies the effect, {@code Failed} ends it {@code failed}, {@code Pending} leaves it at the provider
 * for the outcome resolver, whose {@link org.opsdesk.actions.ProviderOutcome} settles it later.
 */
@Component
class ProviderCall {

    static final String AT_PROVIDER = "at_provider";
    static final String FAILED = "failed";
    static final String OUTCOME_UNKNOWN = "outcome_unknown";

    private static final Logger log = LoggerFactory.getLogger(ProviderCall.class);

    private final ActionDeclarations declarations;
    private final InvocationStore store;
    private final EffectApplier effects;
    private final OperationQueries queries;
    private final ObjectProvider<ProviderGateway> gateway;
    private final TransactionTemplate outside;
    private final TransactionTemplate own;
    private final Clock clock;

    ProviderCall(
            ActionDeclarations declarations,
            InvocationStore store,
            EffectApplier effects,
            OperationQueries queries,
            ObjectProvider<ProviderGateway> gateway,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.clock = clock;
        this.declarations = declarations;
        this.store = store;
        this.effects = effects;
        this.queries = queries;
        this.gateway = gateway;
        this.outside = new TransactionTemplate(transactions);
        this.outside.setPropagationBehavior(TransactionDefinition.PROPAGATION_NOT_SUPPORTED);
        this.own = new TransactionTemplate(transactions);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Sends an invocation committed in {@code approved}; does nothing when another processor has taken it. */
    void carryOut(UUID operationId) {
        outside.executeWithoutResult(status -> {
            Optional<Sent> sent = Optional.ofNullable(own.execute(s -> handOver(operationId)));
            sent.ifPresent(request -> askAndSettle(operationId, request));
        });
    }

    /**
     * In the caller's transaction (the outbox relay's, which announced the approval): hands an approved invocation
     * over and records that its call is due, for {@link UnansweredCalls} to make off the relay — so a slow provider
     * holds up no other event, and the call survives a node that stops before making it. Does nothing when another
     * processor has taken it.
     */
    void handOverForLater(UUID operationId) {
        if (handedOver(operationId) != null) {
            store.markCallDue(operationId, clock.instant());
        }
    }

    /**
     * Makes a claimed call outside any transaction: the first one of an invocation handed over for later, or one
     * sent again because its call never came back (its node stopped mid-call) — always with the same {@code
     * Idempotency-Key}, so the provider acts once; does nothing when it was answered or settled since.
     */
    void send(InvocationStore.ClaimedCall call) {
        outside.executeWithoutResult(status -> {
            Optional<Sent> sent = Optional.ofNullable(own.execute(s -> unanswered(call)));
            sent.ifPresent(request -> askAndSettle(call.operationId(), request));
        });
    }

    private @Nullable Sent unanswered(InvocationStore.ClaimedCall call) {
        UUID operationId = call.operationId();
        var stored = store.lock(operationId).orElse(null);
        if (stored == null) {
            return null;
        }
        Invocation invocation = stage(operationId).equals(AT_PROVIDER) ? effects.invocation(stored) : null;
        if (invocation == null) { // moved on (settled by hand, or its record is gone): nothing to send
            store.markAnswered(operationId, clock.instant());
            return null;
        }
        if (!call.first()) {
            log.warn(
                    "Invocation {} was handed to the provider but its call never came back: sending it again",
                    operationId);
        }
        return request(stored, invocation);
    }

    private Sent request(InvocationStore.Stored stored, Invocation invocation) {
        Map<String, Object> body = declarations.handler(stored.actionId()).providerRequest(invocation);
        return new Sent(stored.actionId(), body == null ? Map.of() : body);
    }

    private record Sent(String actionId, Map<String, Object> body) {}

    /** Asks the provider (no transaction is open) and applies its answer in a transaction of its own. */
    private void askAndSettle(UUID operationId, Sent request) {
        ProviderGateway provider = gateway.getIfAvailable();
        ProviderAnswer answer;
        boolean unknown = false;
        try {
            answer = provider == null
                    ? new ProviderAnswer.Failed("no provider configured")
                    : provider.send(operationId, request.actionId(), request.body());
        } catch (RuntimeException e) {
            // the gateway answers its own failures; anything else leaves the outcome unknown, which alerts the desk
            log.error("Asking the provider for invocation {} failed unexpectedly", operationId, e);
            answer = new ProviderAnswer.Pending("the provider call failed unexpectedly: " + e.getMessage());
            unknown = true;
        }
        ProviderAnswer settled = answer;
        boolean gaveUp = unknown;
        own.executeWithoutResult(s -> settle(operationId, settled, gaveUp));
    }

    /** Moves the invocation from {@code approved} to {@code at_provider}; what to send, or null when not ours. */
    private @Nullable Sent handOver(UUID operationId) {
        var handed = handedOver(operationId);
        return handed == null ? null : request(handed.stored(), handed.invocation());
    }

    private record HandedOver(InvocationStore.Stored stored, Invocation invocation) {}

    /** Moves an invocation committed in {@code approved} to {@code at_provider}; null when it is not ours. */
    private @Nullable HandedOver handedOver(UUID operationId) {
        var stored = store.lock(operationId).orElse(null);
        if (stored == null || !stage(operationId).equals(InvocationStarter.APPROVED)) {
            return null;
        }
        Invocation invocation = effects.invocation(stored);
        if (invocation == null) {
            effects.refuse(stored, "the " + stored.targetKind() + " '" + stored.targetId() + "' no longer exists");
            return null;
        }
        effects.move(stored, AT_PROVIDER, null);
        store.markHandedOver(operationId, clock.instant());
        return new HandedOver(stored, invocation);
    }

    /**
     * Applies a provider's answer to the invocation, in the caller's transaction: at {@code at_provider} (or, once
     * an operator settles it, {@code outcome_unknown}) only; anything else was settled already and is left alone.
     *
     * @param gaveUp whether a {@code Pending} answer means the resolver gave up (the outcome stays unknown)
     */
    void settle(UUID operationId, ProviderAnswer answer, boolean gaveUp) {
        var stored = store.lock(operationId).orElse(null);
        if (stored == null) {
            return;
        }
        store.markAnswered(operationId, clock.instant());
        String stage = stage(operationId);
        boolean open = stage.equals(AT_PROVIDER)
                || stage.equals(OUTCOME_UNKNOWN) && !(answer instanceof ProviderAnswer.Pending);
        if (!open) {
            return;
        }
        if (answer instanceof ProviderAnswer.Done done) {
            effects.apply(stored, done.result());
        } else if (answer instanceof ProviderAnswer.Failed failed) {
            effects.move(stored, FAILED, "the provider refused or failed it: " + failed.reason());
        } else if (answer instanceof ProviderAnswer.Pending pending
                && (gaveUp || pending.why().startsWith("gave-up"))) {
            effects.move(stored, OUTCOME_UNKNOWN, "outcome unknown: " + Objects.requireNonNullElse(pending.why(), ""));
        }
    }

    private String stage(UUID operationId) {
        OperationSnapshot operation = queries.get(operationId, CatalogActor.CATALOG);
        return operation.stage();
    }
}
