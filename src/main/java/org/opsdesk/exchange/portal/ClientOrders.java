package org.opsdesk.exchange.portal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.exchange.orders.ExchangeOrder;
import org.opsdesk.exchange.orders.OrderConflict;
import org.opsdesk.exchange.orders.Orders;
import org.opsdesk.operations.HistoryEntry;
import org.opsdesk.operations.OperationCommands;
import org.opsdesk.operations.OperationFilter;
import org.opsdesk.operations.OperationQueries;
import org.opsdesk.operations.OperationSnapshot;
import org.opsdesk.portal.PortalClient;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.Money;
import org.opsdesk.shared.NotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A portal client's own orders: the list, one order with the history a client may see, and cancelling one still
 * awaiting payment. An order of another subject is not found, exactly as an unknown id.
 */
@Service
class ClientOrders {

    static final String AWAITING_PAYMENT = "awaiting_payment";
    static final String CANCEL_REASON = "cancelled by the client";
    private static final int LIST_LIMIT = 100;

    /** A stage the order entered, when — all a client sees of its history (no actors, reasons or comments). */
    record Step(String stage, Instant at) {}

    /** An order with its operation now and the steps it went through. */
    record ClientOrder(ExchangeOrder order, OperationSnapshot operation, List<Step> steps) {
        public boolean cancellable() {
            return operation.stage().equals(AWAITING_PAYMENT);
        }
    }

    private final Orders orders;
    private final OperationQueries queries;
    private final OperationCommands commands;

    ClientOrders(Orders orders, OperationQueries queries, OperationCommands commands) {
        this.orders = orders;
        this.queries = queries;
        this.commands = commands;
    }

    /**
     * An order in the client's list: its operation (stage, reference, when placed) and what the client pays now —
     * the order's own amount, which a rate change recomputes, not the operation's, which stays as placed (that one
     * only for an {@code exchange_order} opened without the desk, which has no order details).
     */
    record Listed(OperationSnapshot operation, @Nullable Money pay) {}

    /** The client's orders, newest first (the latest 100). */
    @Transactional(readOnly = true)
    List<Listed> list(PortalClient client) {
        var filter = OperationFilter.ofSubject(ClientActor.TYPE, client.subject());
        List<OperationSnapshot> operations =
                queries.list(filter, null, LIST_LIMIT, ClientActor.of(client)).items();
        Map<UUID, ExchangeOrder> details =
                orders.findAll(operations.stream().map(OperationSnapshot::id).toList());
        return operations.stream()
                .map(operation -> new Listed(
                        operation,
                        details.containsKey(operation.id())
                                ? details.get(operation.id()).pay()
                                : operation.amount()))
                .toList();
    }

    /** The client's order. @throws NotFound for an unknown id or another client's order */
    @Transactional(readOnly = true)
    ClientOrder get(UUID id, PortalClient client) {
        Actor actor = ClientActor.of(client);
        OperationSnapshot operation = own(id, client, actor);
        ExchangeOrder order = orders.find(id).orElseThrow(() -> notFound(id));
        List<Step> steps = queries.history(id, actor).stream()
                .filter(entry -> HistoryEntry.CREATED.equals(entry.kind())
                        || (entry.fromStage() != null && !entry.fromStage().equals(entry.toStage())))
                .map(entry -> new Step(entry.toStage(), entry.at()))
                .toList();
        return new ClientOrder(order, operation, steps);
    }

    /**
     * Cancels the client's order while it awaits payment, with the reason {@value #CANCEL_REASON}.
     *
     * @throws NotFound for an unknown id or another client's order
     * @throws OrderConflict ({@code order-not-cancellable}) once it left {@code awaiting_payment}
     */
    @Transactional
    void cancel(UUID id, PortalClient client) {
        Actor actor = ClientActor.of(client);
        OperationSnapshot operation = own(id, client, actor);
        if (!operation.stage().equals(AWAITING_PAYMENT)) {
            throw new OrderConflict(
                    "order-not-cancellable", "order " + id + " is " + operation.stage() + ": only an unpaid one is");
        }
        commands.transition(id, ClientActor.CANCELLED, CANCEL_REASON, null, operation.version(), actor);
    }

    private OperationSnapshot own(UUID id, PortalClient client, Actor actor) {
        OperationSnapshot operation;
        try {
            operation = queries.get(id, actor);
        } catch (NotFound unknown) {
            throw notFound(id);
        }
        if (!operation.type().equals(ClientActor.TYPE) || !operation.subject().equals(client.subject())) {
            throw notFound(id);
        }
        return operation;
    }

    private static NotFound notFound(UUID id) {
        return new NotFound("order", id.toString());
    }
}
