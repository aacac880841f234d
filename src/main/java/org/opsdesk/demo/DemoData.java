package org.opsdesk.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.opsdesk.operations.Approvals;
import org.opsdesk.operations.DuplicateReference;
import org.opsdesk.operations.NewOperation;
import org.opsdesk.operations.OperationCommands;
import org.opsdesk.operations.OperationQueries;
import org.opsdesk.shared.Currencies;
import org.opsdesk.shared.DemoMode;
import org.opsdesk.shared.Money;
import org.opsdesk.workflow.Stage;
import org.opsdesk.workflow.Status;
import org.opsdesk.workflow.Transition;
import org.opsdesk.workflow.WorkflowDefinition;
import org.opsdesk.workflow.Workflows;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads demo operations once, into an empty database, when demo mode is on: 30 days of past activity of every
 * type, replayed through the ordinary commands at past moments ({@link PastActivity}, ADR 0020), so that a
 * newcomer's dashboard shows time in stage, backlog by age, SLA breaches and the desk's work instead of zeros.
 * Every stage of every type holds some operations; most of the rest have completed.
 */
@Component
@Order(10)
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    private static final int PER_TYPE = 40;
    /** Of the operations beyond the two per stage, the share that ended elsewhere than in success. */
    private static final double UNHAPPY_ENDINGS = 0.15;

    private static final Set<String> WITHOUT_AMOUNT = Set.of("kyc_verification", "support_ticket", "account_block");
    private static final List<String> CURRENCIES = List.of("EUR", "USD", "BRL", "PLN", "GBP");

    private final OperationCommands commands;
    private final OperationQueries queries;
    private final Approvals approvals;
    private final Workflows workflows;
    private final Currencies currencies;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final Environment environment;

    DemoData(
            OperationCommands commands,
            OperationQueries queries,
            Approvals approvals,
            Workflows workflows,
            Currencies currencies,
            Clock clock,
            TransactionTemplate transactions,
            Environment environment) {
        this.commands = commands;
        this.queries = queries;
        this.approvals = approvals;
        this.workflows = workflows;
        this.currencies = currencies;
        this.clock = clock;
        this.transactions = transactions;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!DemoMode.isOn(environment) || !queries.isEmpty()) {
            return;
        }
        if (!(clock instanceof DemoClock demoClock)) {
            throw new IllegalStateException("demo mode without the demo clock: " + clock.getClass());
        }
        try {
            load(demoClock);
        } catch (DuplicateReference loadedElsewhere) {
            // Two instances started on one empty database: the other one is loading the same demo.
            log.info("Demo data is being loaded by another instance ({})", loadedElsewhere.getMessage());
        }
    }

    private void load(DemoClock demoClock) {
        long started = System.nanoTime();
        var random = new Random(20261122L); // the same demo every time, dated back from now
        var activity = new PastActivity(commands, queries, approvals, demoClock);
        Instant now = demoClock.realNow();
        int created = 0;
        for (WorkflowDefinition workflow : workflows.all()) {
            var paths = shortestPaths(workflow);
            for (int i = 0; i < PER_TYPE; i++) {
                List<Transition> path = paths.get(target(workflow, i, random).code());
                var plan = LifePlan.of(workflow, path, now, random);
                var operation = newOperation(workflow.type(), i, random);
                transactions.executeWithoutResult(status -> activity.replay(operation, path, plan, random));
                created++;
            }
        }
        log.info(
                "Loaded {} demo operations across {} types with {} days of history in {} ms",
                created,
                workflows.all().size(),
                LifePlan.HISTORY.toDays(),
                (System.nanoTime() - started) / 1_000_000);
    }

    /** Two operations for every stage, then mostly successes, and now and then another ending. */
    private static Stage target(WorkflowDefinition workflow, int index, Random random) {
        List<Stage> stages = workflow.stages();
        if (index < 2 * stages.size()) {
            return stages.get(index % stages.size());
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

    private NewOperation newOperation(String type, int index, Random random) {
        String subject = "client-" + String.format("%04d", 1 + random.nextInt(200));
        Money amount = null;
        if (!WITHOUT_AMOUNT.contains(type)) {
            String currency = CURRENCIES.get(random.nextInt(CURRENCIES.size()));
            var value = BigDecimal.valueOf(500 + random.nextInt(2_500_000), 2);
            amount = currencies.parse("amount", value.toPlainString(), currency);
        }
        String attributes = "{\"channel\":\"" + (random.nextBoolean() ? "web" : "mobile") + "\",\"demo\":true}";
        return new NewOperation(
                type,
                "DEMO-" + type.toUpperCase(java.util.Locale.ROOT) + "-" + String.format("%04d", index + 1),
                subject,
                amount,
                attributes);
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
                    var path = new java.util.ArrayList<>(paths.get(stage));
                    path.add(t);
                    paths.put(t.to(), List.copyOf(path));
                    queue.add(t.to());
                }
            }
        }
        return paths;
    }
}
