package org.opsdesk.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opsdesk.operations.Approvals;
import org.opsdesk.operations.FigureQuery;
import org.opsdesk.operations.NewOperation;
import org.opsdesk.operations.OperationCommands;
import org.opsdesk.operations.OperationFigures;
import org.opsdesk.operations.OperationFigures.AgeBucket;
import org.opsdesk.operations.OperationFigures.OperatorWork;
import org.opsdesk.operations.OperationFigures.StageTime;
import org.opsdesk.operations.OperationStatistics;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.Permissions;
import org.opsdesk.support.IntegrationTest;
import org.opsdesk.workflow.Status;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The dashboard's figures against the database, through the statistics facade and the JSON API. The operations are
 * of the test-only type {@code dashboard_case} (src/test/resources/workflows-it), which nothing else creates, and
 * the figures are asked for by callers who may view only that type: every number must be exactly what this test
 * did, and each is checked against the rows (or the history) read with SQL of its own. Percentiles of durations are
 * read from histograms, so they are compared within the histograms' documented error.
 */
class DashboardIntegrationTests extends IntegrationTest {

    static final String TYPE = "dashboard_case";
    static final Actor CASES_ONLY = new Actor(Actor.Kind.API_KEY, "cases", "cases", Permissions.of(TYPE + ":view"));

    @Autowired
    OperationCommands operations;

    @Autowired
    Approvals approvals;

    @Autowired
    OperationStatistics statistics;

    static boolean seeded;
    static Actor maker;
    static Actor checker;

    /**
     * Once: six cases. One is claimed and worked by the maker and closed with the checker's approval, one claimed
     * and refused by the maker, one refused by the checker at once, one moved on by the checker, two left new.
     */
    @BeforeEach
    void seed() {
        if (seeded) {
            return;
        }
        maker = operator("dash-maker-");
        checker = operator("dash-checker-");
        var ids = new ArrayList<UUID>();
        for (int i = 0; i < 6; i++) {
            ids.add(operations
                    .create(new NewOperation(TYPE, "DASH-" + UUID.randomUUID(), "dash-client", null, "{}"), maker)
                    .id());
        }
        operations.claim(ids.get(0), null, maker);
        operations.transition(ids.get(0), "working", null, null, null, maker);
        var request = operations.transition(ids.get(0), "done", null, null, null, maker);
        assertThat(request.applied()).as("closing needs a second person").isFalse();
        approvals.approve(request.approval().id(), "checked", checker);

        operations.claim(ids.get(1), null, maker);
        operations.transition(ids.get(1), "working", null, null, null, maker);
        operations.transition(ids.get(1), "refused", "not ours", null, null, maker);

        operations.transition(ids.get(2), "refused", "duplicate", null, null, checker);
        operations.transition(ids.get(3), "working", null, null, null, checker);
        seeded = true;
    }

    @Test
    void countsBacklogAndFlowMatchTheRows() {
        Instant now = Instant.now();
        OperationFigures figures = statistics.figures(CASES_ONLY, query(now, Map.of()));

        assertThat(figures.backlog()).singleElement().satisfies(backlog -> {
            assertThat(backlog.type()).isEqualTo(TYPE);
            assertThat(backlog.counts().get(AgeBucket.UNDER_1H))
                    .isEqualTo(pendingInTheDatabase())
                    .isEqualTo(3);
            assertThat(backlog.total()).isEqualTo(3);
        });
        var today = figures.daily().get(figures.daily().size() - 1);
        assertThat(figures.daily()).hasSize(30);
        assertThat(today.day()).isEqualTo(LocalDate.ofInstant(now, ZoneOffset.UTC));
        assertThat(today.created()).isEqualTo(createdToday()).isEqualTo(6);
        assertThat(today.completed()).isEqualTo(completedToday()).isEqualTo(3);
        assertThat(figures.daily().subList(0, 29))
                .allSatisfy(day -> assertThat(day.created() + day.completed()).isZero());

        // two hours on, the same three are pending for between one and four hours
        var later = statistics.figures(CASES_ONLY, query(now.plus(Duration.ofHours(2)), Map.of()));
        assertThat(later.backlog().get(0).counts())
                .containsEntry(AgeBucket.UNDER_1H, 0L)
                .containsEntry(AgeBucket.FROM_1H_TO_4H, 3L);
    }

    @Test
    void breachesCountTheDueTimeOfTheStageAndTheTypesSla() {
        Instant now = Instant.now();
        var shortSla = Map.of(TYPE, Duration.ofMinutes(30));

        assertThat(statistics.figures(CASES_ONLY, query(now, shortSla)).slaBreaches())
                .singleElement()
                .satisfies(b -> assertThat(List.of(b.pending(), b.breached(), b.pastTypeSla()))
                        .containsExactly(3L, 0L, 0L));
        // in two hours all three are past a 30-minute SLA; the two still "new" are past their stage's hour too
        var inTwoHours = now.plus(Duration.ofHours(2));
        assertThat(statistics.figures(CASES_ONLY, query(inTwoHours, shortSla)).slaBreaches())
                .singleElement()
                .satisfies(b -> assertThat(List.of(b.pending(), b.breached(), b.pastTypeSla()))
                        .containsExactly(3L, 3L, 3L));
        assertThat(statistics
                        .figures(CASES_ONLY, query(inTwoHours, Map.of(TYPE, Duration.ofDays(1))))
                        .slaBreaches())
                .singleElement()
                .satisfies(b -> assertThat(List.of(b.breached(), b.pastTypeSla()))
                        .containsExactly(pastDueInTheDatabase(inTwoHours), 0L)
                        .containsExactly(2L, 0L));
    }

    @Test
    void timeInStageIsTheMedianAndNinetiethPercentileOfTheHistory() {
        var stageTimes =
                statistics.figures(CASES_ONLY, query(Instant.now(), Map.of())).stageTimes();

        var expected = staysInTheHistory();
        assertThat(stageTimes).extracting(StageTime::stage).containsExactly("new", "working");
        for (StageTime time : stageTimes) {
            List<Double> stays = expected.get(time.stage());
            assertThat(time.visits()).isEqualTo(stays.size());
            assertThat(seconds(time.median()))
                    .isCloseTo(percentile(stays, 0.5), histogramError(percentile(stays, 0.5)));
            assertThat(seconds(time.p90())).isCloseTo(percentile(stays, 0.9), histogramError(percentile(stays, 0.9)));
        }
        assertThat(stageTimes.get(0).visits()).isEqualTo(4);
        assertThat(stageTimes.get(1).visits()).isEqualTo(2);
    }

    @Test
    void operatorEfficiencyCountsMovesApprovalsAndHandlingTime() {
        var work =
                statistics.figures(CASES_ONLY, query(Instant.now(), Map.of())).operators();

        assertThat(work).extracting(OperatorWork::operator).containsExactlyInAnyOrder(maker.id(), checker.id());
        var byOperator = new HashMap<String, OperatorWork>();
        work.forEach(w -> byOperator.put(w.operator(), w));
        var makers = byOperator.get(maker.id());
        var checkers = byOperator.get(checker.id());
        // the approved close is applied in the maker's name: working, done; working, refused
        assertThat(makers.transitions()).isEqualTo(transitionsBy(maker)).isEqualTo(4);
        assertThat(checkers.transitions()).isEqualTo(transitionsBy(checker)).isEqualTo(2);
        assertThat(makers.approvals()).isZero();
        assertThat(checkers.approvals()).isEqualTo(1);
        assertThat(makers.handled()).isEqualTo(2);
        double median = percentile(handlingTimes(maker), 0.5);
        assertThat(seconds(makers.medianHandling())).isCloseTo(median, histogramError(median));
        assertThat(checkers.handled()).isZero();
        assertThat(checkers.medianHandling()).isNull();
    }

    @Test
    void theApiAnswersTheSameFiguresForTheKeysTypesAndRefusesWithoutReportsView() {
        var casesKey = apiWith("reports:view", TYPE + ":view");

        var response = casesKey.get("/api/v1/reports/dashboard");

        assertThat(response.status()).isEqualTo(200);
        JsonNode json = response.json();
        var counts = countsInTheDatabase();
        JsonNode byType = json.get("counts").get("byType");
        assertThat(byType.propertyNames()).containsExactly(TYPE);
        for (Status status : Status.values()) {
            assertThat(byType.get(TYPE).get(status.name()).asLong())
                    .as(status.name())
                    .isEqualTo(counts.getOrDefault(status.name(), 0L));
        }
        assertThat(json.get("counts").get("total").asLong()).isEqualTo(6);
        assertThat(json.get("backlog").get(0).get("buckets").get("UNDER_1H").asLong())
                .isEqualTo(pendingInTheDatabase());
        assertThat(json.get("slaBreaches").get(0).get("pending").asLong()).isEqualTo(3);
        var today = json.get("daily").get(json.get("days").asInt() - 1);
        assertThat(today.get("created").asLong()).isEqualTo(createdToday());
        assertThat(today.get("completed").asLong()).isEqualTo(completedToday());
        assertThat(json.get("stageTimes").size()).isEqualTo(2);
        assertThat(json.get("operators").size()).isEqualTo(2);

        var refused = apiWith(TYPE + ":view").get("/api/v1/reports/dashboard");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aCallerWhoMayViewNoTypeSeesNoFigures() {
        var nobody = new Actor(Actor.Kind.API_KEY, "none", "none", Permissions.of("reports:view"));

        var figures = statistics.figures(nobody, query(Instant.now(), Map.of()));

        assertThat(figures.backlog()).isEmpty();
        assertThat(figures.operators()).isEmpty();
        assertThat(figures.daily()).hasSize(30).allSatisfy(day -> assertThat(day.created())
                .isZero());
    }

    private Actor operator(String prefix) {
        String username = ensureOperator(prefix + UUID.randomUUID().toString().substring(0, 8), "supervisor");
        return new Actor(Actor.Kind.OPERATOR, username, username, Permissions.all());
    }

    private static FigureQuery query(Instant asOf, Map<String, Duration> sla) {
        return new FigureQuery(asOf, 30, sla, Duration.ofDays(1));
    }

    private Map<String, Long> countsInTheDatabase() {
        var counts = new HashMap<String, Long>();
        jdbc.sql("select status, count(*) from operations.operation where type = ? group by status")
                .param(TYPE)
                .query((rs, n) -> counts.put(rs.getString(1), rs.getLong(2)))
                .list();
        return counts;
    }

    private long pendingInTheDatabase() {
        return count("select count(*) from operations.operation where type = ? and status = 'PENDING'");
    }

    private long createdToday() {
        return count("select count(*) from operations.operation where type = ?"
                + " and (created_at at time zone 'UTC')::date = (now() at time zone 'UTC')::date");
    }

    private long completedToday() {
        return count("select count(*) from operations.operation where type = ? and stage in ('done', 'refused')"
                + " and (stage_entered_at at time zone 'UTC')::date = (now() at time zone 'UTC')::date");
    }

    private long pastDueInTheDatabase(Instant at) {
        return jdbc.sql("select count(*) from operations.operation where type = ? and status = 'PENDING'"
                        + " and due_at < ?")
                .params(TYPE, at.atOffset(ZoneOffset.UTC))
                .query(Long.class)
                .single();
    }

    private long transitionsBy(Actor actor) {
        return jdbc.sql(
                        """
                        select count(*) from operations.history_entry h
                        join operations.operation o on o.id = h.operation_id
                        where o.type = ? and h.kind = 'transitioned' and h.actor_kind = 'operator' and h.actor_id = ?""")
                .params(TYPE, actor.id())
                .query(Long.class)
                .single();
    }

    /** Seconds each stage was stayed in, from the history: every entry's time minus the one that entered the stage. */
    private Map<String, List<Double>> staysInTheHistory() {
        var stays = new HashMap<String, List<Double>>();
        jdbc.sql(
                        """
                        select from_stage, extract(epoch from at - entered) as stay from (
                          select h.kind, h.from_stage, h.at,
                            lag(h.at) over (partition by h.operation_id order by h.seq) as entered
                          from operations.history_entry h join operations.operation o on o.id = h.operation_id
                          where o.type = ? and h.kind in ('created', 'transitioned')) moves
                        where kind = 'transitioned'""")
                .param(TYPE)
                .query((rs, n) -> stays.computeIfAbsent(rs.getString(1), s -> new ArrayList<>())
                        .add(rs.getDouble(2)))
                .list();
        return stays;
    }

    /** Seconds from each of this operator's claims to the terminal stage the operation then reached. */
    private List<Double> handlingTimes(Actor actor) {
        return jdbc.sql(
                        """
                        select extract(epoch from o.stage_entered_at - (
                          select max(h.at) from operations.history_entry h
                          where h.operation_id = o.id and h.kind = 'assigned'))
                        from operations.operation o
                        where o.type = ? and o.assignee = ? and o.stage in ('done', 'refused')""")
                .params(TYPE, actor.id())
                .query(Double.class)
                .list();
    }

    private long count(String sql) {
        return jdbc.sql(sql).param(TYPE).query(Long.class).single();
    }

    /** The percentile as PostgreSQL's percentile_cont computes it: linear between the two nearest values. */
    static double percentile(List<Double> values, double fraction) {
        var sorted = values.stream().sorted().toList();
        double position = fraction * (sorted.size() - 1);
        int below = (int) Math.floor(position);
        int above = (int) Math.ceil(position);
        return sorted.get(below) + (sorted.get(above) - sorted.get(below)) * (position - below);
    }

    /**
     * How far a percentile read from the duration histograms may be from the exact one: the documented relative
     * error, and half a millisecond for what falls in the sub-millisecond bucket.
     */
    static Offset<Double> histogramError(double exactSeconds) {
        return within(exactSeconds * OperationStatistics.PERCENTILE_RELATIVE_ERROR + 0.0005);
    }

    static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }
}
