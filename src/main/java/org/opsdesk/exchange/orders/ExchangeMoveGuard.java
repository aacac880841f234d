package org.opsdesk.exchange.orders;

import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.opsdesk.exchange.rates.ExchangeMode;
import org.opsdesk.operations.MoveGuard;
import org.opsdesk.operations.OperationSnapshot;
import org.opsdesk.shared.Actor;
import org.opsdesk.workflow.Move;
import org.springframework.stereotype.Component;

/**
 * Who may confirm an order's payment, release its payout and confirm its completion, by the pair's mode: a person
 * only where the mode leaves it to people (manual: all three; semi-automatic: the payout's release); elsewhere the
 * statement matching and payout processes (and integrators' keys) do it. A person holding the move's override
 * permission may still force it. Orders without exchange details (created through the generic operations API) are
 * worked by hand.
 */
@Component
class ExchangeMoveGuard implements MoveGuard {

    /** For each guarded move (from → to), the modes in which a person takes it. */
    private static final Map<String, Set<ExchangeMode>> PEOPLE_MAY = Map.of(
            "awaiting_payment>funds_received", Set.of(ExchangeMode.MANUAL),
            "funds_received>payout_pending", Set.of(ExchangeMode.MANUAL, ExchangeMode.SEMI_AUTOMATIC),
            "payout_pending>completed", Set.of(ExchangeMode.MANUAL));

    private final OrderStore orders;
    private final DeskTerms desk;

    ExchangeMoveGuard(OrderStore orders, DeskTerms desk) {
        this.orders = orders;
        this.desk = desk;
    }

    @Override
    public String operationType() {
        return Orders.TYPE;
    }

    @Override
    public @Nullable String refusal(OperationSnapshot operation, Move move, Actor actor) {
        Set<ExchangeMode> modes = PEOPLE_MAY.get(
                move.transition().from() + ">" + move.transition().to());
        if (modes == null
                || actor.kind() != Actor.Kind.OPERATOR
                || actor.may(move.transition().overridePermission())) {
            return null;
        }
        var order = orders.find(operation.id());
        if (order.isEmpty()) {
            return null;
        }
        ExchangeMode mode = desk.mode(order.get().base(), order.get().quote());
        if (modes.contains(mode)) {
            return null;
        }
        return "the pair " + order.get().pair() + " is worked "
                + mode.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')
                + ": this step is taken by the system, not by hand";
    }
}
