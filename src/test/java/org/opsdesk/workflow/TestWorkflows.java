package org.opsdesk.workflow;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.opsdesk.shared.CurrencyCode;
import org.opsdesk.shared.Money;

/** Workflow definitions built in code for the Spring-free unit tests of the workflow rules and the aggregate. */
public final class TestWorkflows {

    public static final CurrencyCode EUR = new CurrencyCode("EUR", 2);

    private TestWorkflows() {}

    /**
     * A parcel: {@code requested} (SLA one hour) is sent on to {@code awaiting_payment} or cancelled with a
     * reason; the payment provider's key marks it {@code paid} (four-eyes above 1,000.00 EUR, two checkers above
     * 50,000.00 EUR), the timer {@code expired} after 15 minutes, or a person cancels it with a reason.
     */
    public static WorkflowDefinition parcel() {
        return new WorkflowDefinition(
                "parcel",
                1,
                "A parcel sent on payment",
                "requested",
                List.of(
                        new Stage("requested", Status.PENDING, false, Duration.ofHours(1)),
                        new Stage("awaiting_payment", Status.PENDING, false, null),
                        new Stage("paid", Status.SUCCESS, true, null),
                        new Stage("cancelled", Status.REJECTED, true, null),
                        new Stage("expired", Status.REJECTED, true, null)),
                List.of(
                        transition("requested", "awaiting_payment", Trigger.MANUAL, false, FourEyesPolicy.none(), null),
                        transition("requested", "cancelled", Trigger.MANUAL, true, FourEyesPolicy.none(), null),
                        transition(
                                "awaiting_payment",
                                "paid",
                                Trigger.SYSTEM,
                                false,
                                new FourEyesPolicy(List.of(
                                        new FourEyesPolicy.Tier(Map.of("EUR", new BigDecimal("1000.00")), 1),
                                        new FourEyesPolicy.Tier(Map.of("EUR", new BigDecimal("50000.00")), 2))),
                                null),
                        transition(
                                "awaiting_payment",
                                "expired",
                                Trigger.TIMER,
                                false,
                                FourEyesPolicy.none(),
                                Duration.ofMinutes(15)),
                        transition(
                                "awaiting_payment", "cancelled", Trigger.MANUAL, true, FourEyesPolicy.none(), null)));
    }

    public static Money eur(String amount) {
        return new Money(new BigDecimal(amount), EUR);
    }

    private static Transition transition(
            String from,
            String to,
            Trigger trigger,
            boolean reasonRequired,
            FourEyesPolicy fourEyes,
            @Nullable Duration after) {
        return new Transition(from, to, trigger, "parcel:transition:" + to, reasonRequired, fourEyes, after);
    }
}
