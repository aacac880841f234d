package org.opsdesk.demo;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.opsdesk.operations.NewOperation;
import org.opsdesk.shared.Currencies;
import org.opsdesk.shared.Money;
import org.opsdesk.workflow.Stage;
import org.opsdesk.workflow.Status;
import org.opsdesk.workflow.Transition;
import org.opsdesk.workflow.WorkflowDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo operations of one type: one in every stage and a second in every stage still pending, the rest mostly
 * completed, each with its own {@link LifePlan} replayed in one transaction. Its random numbers come from the type,
 * so the same demo comes back every time, whichever thread seeds which type.
 */
final class DemoType {

    static final int PER_TYPE = 30;
    /** Of the operations beyond those that fill the stages, the share that ended elsewhere than in success. */
    private static final double UNHAPPY_ENDINGS = 0.15;

    private static final Set<String> WITHOUT_AMOUNT = Set.of("kyc_verification", "support_ticket", "account_block");
    private static final List<String> CURRENCIES = List.of("EUR", "USD", "BRL", "PLN", "GBP");

    private final WorkflowDefinition workflow;
    private final Currencies currencies;
    private final Random random;

    DemoType(WorkflowDefinition workflow, Currencies currencies) {
        this.workflow = workflow;
        this.currencies = currencies;
        this.random = new Random(20261122L + workflow.type().hashCode());
    }

    /** Seeds the type's operations, dated back from {@code now}, until done or interrupted; returns how many. */
    int seed(PastActivity activity, TransactionTemplate transactions, Instant now) {
        int seeded = 0;
        var paths = shortestPaths(workflow);
        for (int i = 0; i < PER_TYPE && !Thread.currentThread().isInterrupted(); i++) {
            List<Transition> path = paths.get(target(i).code());
            var plan = LifePlan.of(workflow, path, now, random);
            var operation = newOperation(i, now);
            transactions.executeWithoutResult(status -> activity.replay(operation, path, plan, random));
            seeded++;
        }
        return seeded;
    }

    /**
     * One operation for every stage and a second one for every stage still pending (the backlog), then mostly
     * successes, and now and then another ending.
     */
    private Stage target(int index) {
        List<Stage> stages = workflow.stages();
        if (index < stages.size()) {
            return stages.get(index);
        }
        List<Stage> pending = stages.stream().filter(s -> !s.terminal()).toList();
        if (index < stages.size() + pending.size()) {
            return pending.get(index - stages.size());
        }
        List<Stage> endings = stages.stream().filter(Stage::terminal).toList();
        List<Stage> successes =
                endings.stream().filter(s -> s.status() == Status.SUCCESS).toList();
        if (successes.isEmpty() || random.nextDouble() < UNHAPPY_ENDINGS) {
            return endings.isEmpty()
                    ? stages.get(random.nextInt(stages.size()))
                    : endings.get(random.nextInt(endings.size()));
        }
        return successes.get(0);
    }

    private NewOperation newOperation(int index, Instant now) {
        String type = workflow.type();
        String subject = "client-" + String.format("%04d", 1 + random.nextInt(200));
        Money amount = null;
        if (!WITHOUT_AMOUNT.contains(type)) {
            String currency = CURRENCIES.get(random.nextInt(CURRENCIES.size()));
            var value = BigDecimal.valueOf(500 + random.nextInt(2_500_000), 2);
            amount = currencies.parse("amount", value.toPlainString(), currency);
        }
        String attributes = "{\"channel\":\"" + (random.nextBoolean() ? "web" : "mobile") + "\",\"demo\":true"
                + (type.equals("reservation") ? reservationAttributes(index, now) : "") + "}";
        return new NewOperation(
                type,
                "DEMO-" + type.toUpperCase(Locale.ROOT) + "-" + String.format("%04d", index + 1),
                subject,
                amount,
                attributes);
    }

    /** What a reservation's notices show: the place held, and when the client is expected. */
    private String reservationAttributes(int index, Instant now) {
        Instant startsAt = now.truncatedTo(java.time.temporal.ChronoUnit.HOURS)
                .plus(java.time.Duration.ofDays(1 + index % 14))
                .plus(java.time.Duration.ofHours(random.nextInt(10)));
        return ",\"place\":\"Table for " + (2 + random.nextInt(5)) + "\",\"startsAt\":\"" + startsAt + "\"";
    }

    /** For each stage, the transitions from the initial stage that reach it soonest. */
    private static Map<String, List<Transition>> shortestPaths(WorkflowDefinition workflow) {
        var paths = new HashMap<String, List<Transition>>();
        paths.put(workflow.initialStage().code(), List.of());
        var queue = new ArrayDeque<String>(List.of(workflow.initialStage().code()));
        while (!queue.isEmpty()) {
            String stage = queue.poll();
            for (Transition t : workflow.outgoing(stage)) {
                if (!paths.containsKey(t.to())) {
                    var path = new ArrayList<>(paths.get(stage));
                    path.add(t);
                    paths.put(t.to(), List.copyOf(path));
                    queue.add(t.to());
                }
            }
        }
        return paths;
    }
}
