package org.opsdesk.bench.transitions;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What the seeding did and found: times, row counts, sizes, the mix, the bench_ping ids and the bootstrap key. */
public final class SeedFacts {
    Map<String, Integer> workflowVersions;
    Map<String, Map<String, Integer>> mix;
    double seedInsertSeconds;
    double vacuumSeconds;
    double checkpointSeconds;
    long rowsOperation;
    long rowsHistory;
    long sizeOperation;
    long sizeHistory;
    long sizeDatabase;
    long withdrawalPending;
    long subjectRows;
    /** The bench_ping operations in the order they were seeded. */
    List<UUID> pingIds;
    /** The bootstrap API key's id and name: the raw-SQL transitions' actor. */
    String actorId;

    String actorName;
}
