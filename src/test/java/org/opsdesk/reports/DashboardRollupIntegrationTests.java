package org.opsdesk.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opsdesk.reports.DashboardIntegrationTests.histogramError;
import static org.opsdesk.reports.DashboardIntegrationTests.percentile;
import static org.opsdesk.reports.DashboardIntegrationTests.seconds;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opsdesk.operations.FigureQuery;
import org.opsdesk.operations.NewOperation;
import org.opsdesk.operations.OperationCommands;
import org.opsdesk.operations.OperationFigures;
import org.opsdesk.operations.OperationFigures.OperatorWork;
import org.opsdesk.operations.OperationFigures.StageTime;
import org.opsdesk.operations.OperationStatistics;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.Permissions;
import org.opsdesk.support.IntegrationTest;
import org.opsdesk.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Time in stage and operator work over closed days come from the daily rollups, the current day from the history,
 * and together they are what the history says. The test clock is set 200 days back, so the days this test fills
 * are closed by the time it asks, and no other test's history falls into its window; the type
 * {@code rollup_case} (src/test/resources/workflows-it) is made by this test only.
 */
class DashboardRollupIntegrationTests extends IntegrationTest {

    static final String TYPE = "rollup_case";
    static final Actor ROLLUP_ONLY =
            new Actor(Actor.Kind.API_KEY, "rollups", "rollups", Permissions.of(TYPE + ":view"));

    @Autowired
    OperationCommands operations;

    @Autowired
    OperationStatistics statistics;

    @Autowired
    TestClock clock;

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    @Test
    void closedDaysAreRolledUpOnceAndAddUpWithTheLiveDayToWhatTheHistorySays() {
        Actor alice = operator("rollup-alice-");
        Actor bob = operator("rollup-bob-");
        LocalDate firstDay = LocalDate.now(ZoneOffset.UTC).minusDays(200);
        clock.set(firstDay.atTime(LocalTime.of(9, 0)).toInstant(ZoneOffset.UTC));

        // day 1: alice works five cases with stays from 2 to 50 minutes; bob refuses one at once
        for (int i = 1; i <= 5; i++) {
            work(alice, Duration.ofMinutes(2L * i), Duration.ofMinutes(10L * i), i % 2 == 0 ? "refused" : "done");
        }
        refuseAtOnce(bob);
        // day 2: bob works two cases over hours
        clock.set(firstDay.plusDays(1).atTime(LocalTime.of(8, 0)).toInstant(ZoneOffset.UTC));
        work(bob, Duration.ofHours(1), Duration.ofHours(3), "done");
        work(bob, Duration.ofMinutes(30), Duration.ofHours(5), "done");
        // day 4, two hours in: the current day, read live
        clock.set(firstDay.plusDays(3).atTime(LocalTime.of(2, 0)).toInstant(ZoneOffset.UTC));
        work(alice, Duration.ofMinutes(7), Duration.ofMinutes(70), "done");
        Instant asOf = clock.instant();

        OperationFigures figures =
                statistics.figures(ROLLUP_ONLY, new FigureQuery(asOf, 30, Map.of(), Duration.ofDays(1)));

        var window = new Instant[] {
            asOf.atZone(ZoneOffset.UTC)
                    .toLocalDate()
                    .minusDays(29)
                    .atStartOfDay(ZoneOffset.UTC)
                    .toInstant(),
            asOf
        };
        assertThat(storedDaysOfThisType(firstDay, firstDay.plusDays(3)))
                .as("the two closed days with work are stored; the current day is not")
                .containsExactly(firstDay, firstDay.plusDays(1));
        assertThat(storedDaysOfThisType(firstDay.plusDays(3), firstDay.plusDays(4)))
                .isEmpty();

        var flows = new HashMap<LocalDate, OperationFigures.DailyFlow>();
        figures.daily().forEach(d -> flows.put(d.day(), d));
        assertThat(flows.get(firstDay)).as("day 1, stored").isEqualTo(new OperationFigures.DailyFlow(firstDay, 6, 6));
        assertThat(flows.get(firstDay.plusDays(1)))
                .as("day 2, stored")
                .isEqualTo(new OperationFigures.DailyFlow(firstDay.plusDays(1), 2, 2));
        assertThat(flows.get(firstDay.plusDays(2)))
                .isEqualTo(new OperationFigures.DailyFlow(firstDay.plusDays(2), 0, 0));
        assertThat(flows.get(firstDay.plusDays(3)))
                .as("day 4, live")
                .isEqualTo(new OperationFigures.DailyFlow(firstDay.plusDays(3), 1, 1));
        assertThat(jdbc.sql("select created, completed from operations.flow_day where day = ? and type = ?")
                        .params(firstDay, TYPE)
                        .query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2)))
                        .single())
                .containsExactly(6L, 6L);

        Map<String, List<Double>> stays = staysInTheHistory(window);
        assertThat(figures.stageTimes()).extracting(StageTime::stage).containsExactly("new", "working");
        for (StageTime time : figures.stageTimes()) {
            List<Double> expected = stays.get(time.stage());
            assertThat(time.visits()).isEqualTo(expected.size());
            assertThat(seconds(time.median()))
                    .isCloseTo(percentile(expected, 0.5), histogramError(percentile(expected, 0.5)));
            assertThat(seconds(time.p90()))
                    .isCloseTo(percentile(expected, 0.9), histogramError(percentile(expected, 0.9)));
        }
        assertThat(figures.stageTimes().get(0).visits()).isEqualTo(9);
        assertThat(figures.stageTimes().get(1).visits()).isEqualTo(8);

        var byOperator = new HashMap<String, OperatorWork>();
        figures.operators().forEach(w -> byOperator.put(w.operator(), w));
        assertThat(byOperator).containsOnlyKeys(alice.id(), bob.id());
        assertThat(byOperator.get(alice.id()).transitions()).isEqualTo(12);
        assertThat(byOperator.get(alice.id()).handled()).isEqualTo(6);
        assertThat(byOperator.get(bob.id()).transitions()).isEqualTo(5);
        assertThat(byOperator.get(bob.id()).handled())
                .as("the case refused at once was never claimed")
                .isEqualTo(2);
        for (Actor actor : List.of(alice, bob)) {
            double median = percentile(handlingTimes(actor, window), 0.5);
            assertThat(seconds(byOperator.get(actor.id()).medianHandling())).isCloseTo(median, histogramError(median));
        }

        Instant storedAt = rolledUpAt(firstDay);
        assertThat(statistics.figures(ROLLUP_ONLY, new FigureQuery(asOf, 30, Map.of(), Duration.ofDays(1))))
                .as("asked again: the same figures, from the same stored days")
                .isEqualTo(figures);
        assertThat(rolledUpAt(firstDay)).isEqualTo(storedAt);
    }

    @Test
    void aDayThatIsNotClosedYetIsNeverStored() {
        // Far ahead of the real date: other tests move the shared clock by days, and a figure read under a moved
        // clock rightly rolls up days it sees as closed — days this test would otherwise call "today".
        clock.set(Instant.now().plus(Duration.ofDays(1000)));
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        Instant tomorrow = today.plusDays(1).atTime(LocalTime.of(12, 0)).toInstant(ZoneOffset.UTC);

        statistics.figures(ROLLUP_ONLY, new FigureQuery(tomorrow, 3, Map.of(), Duration.ofDays(1)));
        statistics.rollUpClosedDays(today.minusDays(1), today.plusDays(2));

        assertThat(jdbc.sql("select count(*) from operations.figure_day where day >= ?")
                        .param(today)
                        .query(Long.class)
                        .single())
                .as("today may still change, so asking about tomorrow reads it live and stores nothing")
                .isZero();
    }

    /** Claims a new case, moves it to working after {@code inNew}, and closes it after {@code inWorking}. */
    private void work(Actor actor, Duration inNew, Duration inWorking, String end) {
        UUID id = create(actor);
        clock.advance(Duration.ofSeconds(5));
        operations.claim(id, null, actor);
        clock.advance(inNew.minusSeconds(5));
        operations.transition(id, "working", null, null, null, actor);
        clock.advance(inWorking);
        operations.transition(id, end, end.equals("refused") ? "not ours" : null, null, null, actor);
        clock.advance(Duration.ofMinutes(1));
    }

    private void refuseAtOnce(Actor actor) {
        UUID id = create(actor);
        clock.advance(Duration.ofSeconds(40));
        operations.transition(id, "refused", "duplicate", null, null, actor);
    }

    private UUID create(Actor actor) {
        return operations
                .create(new NewOperation(TYPE, "ROLLUP-" + UUID.randomUUID(), "rollup-client", null, "{}"), actor)
                .id();
    }

    private Actor operator(String prefix) {
        String username = ensureOperator(prefix + UUID.randomUUID().toString().substring(0, 8), "supervisor");
        return new Actor(Actor.Kind.OPERATOR, username, username, Permissions.all());
    }

    private List<LocalDate> storedDaysOfThisType(LocalDate from, LocalDate to) {
        return jdbc.sql(
                        """
                        select distinct day from operations.stage_time_day
                        where type = ? and day >= ? and day < ? order by day""")
                .params(TYPE, from, to)
                .query(LocalDate.class)
                .list();
    }

    private Instant rolledUpAt(LocalDate day) {
        return jdbc.sql("select rolled_up_at from operations.figure_day where day = ?")
                .param(day)
                .query(java.time.OffsetDateTime.class)
                .single()
                .toInstant();
    }

    /** Seconds each stage was stayed in, for stages left within the window, from the history alone. */
    private Map<String, List<Double>> staysInTheHistory(Instant[] window) {
        var stays = new HashMap<String, List<Double>>();
        jdbc.sql(
                        """
                        select from_stage, extract(epoch from at - entered) as stay from (
                          select h.kind, h.from_stage, h.at,
                            lag(h.at) over (partition by h.operation_id order by h.seq) as entered
                          from operations.history_entry h join operations.operation o on o.id = h.operation_id
                          where o.type = ? and h.kind in ('created', 'transitioned')) moves
                        where kind = 'transitioned' and at >= ? and at < ?""")
                .params(TYPE, window[0].atOffset(ZoneOffset.UTC), window[1].atOffset(ZoneOffset.UTC))
                .query((rs, n) -> stays.computeIfAbsent(rs.getString(1), s -> new ArrayList<>())
                        .add(rs.getDouble(2)))
                .list();
        return stays;
    }

    /** Seconds from this operator's claim to the terminal stage, for cases closed within the window. */
    private List<Double> handlingTimes(Actor actor, Instant[] window) {
        return jdbc.sql(
                        """
                        select extract(epoch from o.stage_entered_at - (
                          select max(h.at) from operations.history_entry h
                          where h.operation_id = o.id and h.kind = 'assigned'))
                        from operations.operation o
                        where o.type = ? and o.assignee = ? and o.stage in ('done', 'refused')
                          and o.stage_entered_at >= ? and o.stage_entered_at < ?""")
                .params(TYPE, actor.id(), window[0].atOffset(ZoneOffset.UTC), window[1].atOffset(ZoneOffset.UTC))
                .query(Double.class)
                .list();
    }
}
