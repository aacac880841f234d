package org.opsdesk.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.opsdesk.operations.statistics.StatusCounters;
import org.opsdesk.support.IntegrationTest;
import org.opsdesk.support.Operations;
import org.opsdesk.workflow.Status;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The status counters kept as appended deltas and folded into totals (ADR 0018): the counts read stay exact while
 * creations, moves and folds run at the same time, folds running at once never add a delta twice, and a bulk
 * insert of many rows counts each of them.
 */
class StatusCounterFoldIntegrationTests extends IntegrationTest {

    @Autowired
    StatusCounters counters;

    @Autowired
    OperationCounts counts;

    @Test
    void countsStayExactWhileCreationsMovesAndFoldsRunTogether() throws Exception {
        var stop = new AtomicBoolean();
        var pool = Executors.newFixedThreadPool(8);
        try {
            var folds = new ArrayList<Future<Integer>>();
            for (int i = 0; i < 2; i++) {
                folds.add(pool.submit(() -> foldUntil(stop)));
            }
            var writers = new ArrayList<Callable<Integer>>();
            for (int w = 0; w < 6; w++) {
                writers.add(() -> {
                    int moved = 0;
                    for (int i = 0; i < 5; i++) {
                        String id = create(Operations.withdrawal()).get("id").asString();
                        if (i % 2 == 0 && transition(id, "rejected", "counted").status() == 200) {
                            moved++;
                        }
                    }
                    return moved;
                });
            }
            for (var writer : pool.invokeAll(writers)) {
                assertThat(writer.get()).isEqualTo(3);
            }
            stop.set(true);
            int folded = 0;
            for (var fold : folds) {
                folded += fold.get();
            }
            assertThat(folded).as("folds ran while the writers wrote").isPositive();
        } finally {
            pool.shutdown();
        }

        assertThat(counters.read(null)).isEqualTo(countedRows());
        counters.fold();
        assertThat(counters.read(null)).isEqualTo(countedRows());
        assertThat(pendingDeltas()).isZero();
        assertThat(counts.recount()).as("the recount finds nothing to correct").isEmpty();
    }

    @Test
    void foldsRunningAtOnceNeverAddADeltaTwice() throws Exception {
        counters.fold();
        var before = totals();
        for (int i = 0; i < 200; i++) { // one delta per statement: 200 single-row creations
            insertWithdrawals(1);
        }
        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(4);
        try {
            var folds = new ArrayList<Callable<Integer>>();
            for (int i = 0; i < 4; i++) {
                folds.add(() -> {
                    start.await();
                    return counters.fold();
                });
            }
            var outcomes = new ArrayList<Future<Integer>>();
            for (var fold : folds) {
                outcomes.add(pool.submit(fold));
            }
            start.countDown();
            for (var outcome : outcomes) {
                outcome.get();
            }
        } finally {
            pool.shutdown();
        }
        counters.fold(); // whatever a fold skipped because another held the lock

        assertThat(pendingDeltas()).isZero();
        assertThat(pendingWithdrawals(totals()) - pendingWithdrawals(before)).isEqualTo(200);
        assertThat(totals()).isEqualTo(countedRows());
    }

    @Test
    void aBulkInsertCountsEveryRowItWrites() {
        long pendingBefore = pendingWithdrawals(counters.read(List.of("withdrawal")));

        insertWithdrawals(5_000);

        assertThat(pendingWithdrawals(counters.read(List.of("withdrawal")))).isEqualTo(pendingBefore + 5_000);
        counters.fold();
        assertThat(counters.read(null)).isEqualTo(countedRows());
        jdbc.sql("delete from operations.operation where reference like 'BULK-%'")
                .update();
        assertThat(counters.read(null)).as("and a bulk delete uncounts them").isEqualTo(countedRows());
    }

    private static long pendingWithdrawals(Map<String, Map<Status, Long>> counts) {
        return counts.getOrDefault("withdrawal", Map.of()).getOrDefault(Status.PENDING, 0L);
    }

    private int foldUntil(AtomicBoolean stop) throws InterruptedException {
        int folded = 0;
        while (!stop.get()) {
            folded += counters.fold();
            Thread.sleep(5);
        }
        return folded;
    }

    /** Pending withdrawals written by one INSERT ... SELECT, as the seeders and loaders do. */
    private void insertWithdrawals(int rows) {
        jdbc.sql(
                        """
                        insert into operations.operation (id, type, workflow_version, reference, subject, status,
                          stage, amount, currency, assignee, attributes, version, created_at, updated_at,
                          stage_entered_at, due_at, timer_at, history_head)
                        select gen_random_uuid(), 'withdrawal', 1, 'BULK-' || ? || '-' || g, 'bulk', 'PENDING',
                          'requested', null, null, null, '{}', 1, now(), now(), now(), null, null, '\\x00'
                        from generate_series(1, ?) g""")
                .params(UUID.randomUUID().toString(), rows)
                .update();
    }

    private Map<String, Map<Status, Long>> countedRows() {
        return CountedRows.of(jdbc);
    }

    private Map<String, Map<Status, Long>> totals() {
        var totals = new HashMap<String, Map<Status, Long>>();
        jdbc.sql("select type, status, n from operations.status_count where n <> 0")
                .query((rs, row) -> totals.computeIfAbsent(rs.getString("type"), t -> new HashMap<>())
                        .put(Status.valueOf(rs.getString("status")), rs.getLong("n")))
                .list();
        return totals;
    }

    private long pendingDeltas() {
        return jdbc.sql("select count(*) from operations.status_count_delta")
                .query(Long.class)
                .single();
    }
}
