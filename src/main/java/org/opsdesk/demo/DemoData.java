package org.opsdesk.demo;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.opsdesk.operations.Approvals;
import org.opsdesk.operations.DuplicateReference;
import org.opsdesk.operations.OperationCommands;
import org.opsdesk.operations.OperationQueries;
import org.opsdesk.shared.Currencies;
import org.opsdesk.shared.DemoMode;
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
 * Every stage of every type holds some operations; most of the rest have completed ({@link DemoType}).
 */
@Component
@Order(10)
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
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
        var activity = new PastActivity(commands, queries, approvals, demoClock);
        Instant now = demoClock.realNow();
        // the types are independent, and the demo clock is moved per thread: seed them side by side
        int threads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
        var pool = Executors.newFixedThreadPool(threads, seeders());
        try {
            var seeded = new ArrayList<Future<Integer>>();
            for (WorkflowDefinition workflow : workflows.all()) {
                var type = new DemoType(workflow, currencies);
                seeded.add(pool.submit(() -> type.seed(activity, transactions, now)));
            }
            int created = 0;
            for (Future<Integer> each : seeded) {
                created += outcome(each);
            }
            log.info(
                    "Loaded {} demo operations across {} types with {} days of history in {} ms ({} threads)",
                    created,
                    workflows.all().size(),
                    LifePlan.HISTORY.toDays(),
                    (System.nanoTime() - started) / 1_000_000,
                    threads);
        } finally {
            pool.shutdownNow();
        }
    }

    private static int outcome(Future<Integer> seeded) {
        try {
            return seeded.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading the demo", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failed) {
                throw failed;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static ThreadFactory seeders() {
        var count = new AtomicInteger();
        return work -> new Thread(work, "demo-seed-" + count.incrementAndGet());
    }
}
