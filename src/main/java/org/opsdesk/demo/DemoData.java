package org.opsdesk.demo;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.opsdesk.operations.DuplicateReference;
import org.opsdesk.operations.NewOperation;
import org.opsdesk.operations.OperationCommands;
import org.opsdesk.operations.OperationQueries;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.Currencies;
import org.opsdesk.shared.DemoMode;
import org.opsdesk.shared.Money;
import org.opsdesk.workflow.Stage;
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

/** Loads demo operations once, into an empty database, when demo mode is on. */
@Component
@Order(10)
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    private static final int PER_TYPE = 30;
    private static final Set<String> WITHOUT_AMOUNT = Set.of("kyc_verification", "support_ticket", "account_block");
    private static final List<String> CURRENCIES = List.of("EUR", "USD", "BRL", "PLN", "GBP");

    private final OperationCommands commands;
    private final OperationQueries queries;
    private final Workflows workflows;
    private final Currencies currencies;
    private final Environment environment;

    DemoData(
            OperationCommands commands,
            OperationQueries queries,
            Workflows workflows,
            Currencies currencies,
            Environment environment) {
        this.commands = commands;
        this.queries = queries;
        this.workflows = workflows;
        this.currencies = currencies;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!DemoMode.isOn(environment) || !queries.isEmpty()) {
            return;
        }
        try {
            load();
        } catch (DuplicateReference loadedElsewhere) {
            // Two instances started on one empty database: the other one is loading the same demo.
            log.info("Demo data is being loaded by another instance ({})", loadedElsewhere.getMessage());
        }
    }

    private void load() {
        var random = new Random(20261122L); // the same demo every time
        var loader = Actor.system("demo-loader");
        int created = 0;
        for (WorkflowDefinition workflow : workflows.all()) {
            var paths = shortestPaths(workflow);
            List<Stage> stages = workflow.stages();
            for (int i = 0; i < PER_TYPE; i++) {
                Stage target = stages.get(i % stages.size()); // every stage gets operations
                var operation = commands.create(newOperation(workflow.type(), i, random), loader);
                for (Transition step : paths.get(target.code())) {
                    String reason = "demo: " + step.from() + " -> " + step.to();
                    commands.transition(operation.id(), step.to(), reason, null, null, loader);
                }
                created++;
            }
        }
        log.info(
                "Loaded {} demo operations across {} types",
                created,
                workflows.all().size());
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
