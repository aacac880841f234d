package org.opsdesk.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.opsdesk.workflow.Stage;
import org.opsdesk.workflow.Transition;
import org.opsdesk.workflow.Trigger;
import org.opsdesk.workflow.WorkflowDefinition;

/**
 * When one demo operation was created and how long it stayed in each stage on its way to its target: stays drawn
 * around each stage's SLA (some beyond it), an operation still pending somewhere aged into one of the dashboard's
 * backlog buckets, and the whole life within the last 30 days. Timers are respected: a timer move happens exactly
 * when it is due, and an operation leaves or stays in a stage with a timer before the timer would have fired — so
 * no timer seeded in the past is left due for the real timer worker.
 *
 * @param created when the operation was created
 * @param stays per step of the path, how long the operation stayed in the stage the step leaves
 */
record LifePlan(Instant created, List<Duration> stays) {

    static final Duration HISTORY = Duration.ofDays(30);
    private static final Duration SPAN = HISTORY.minusHours(12);
    private static final Duration DEFAULT_STAY = Duration.ofHours(2);
    /** Ages of pending work: within the hour, 1–4 hours, 4–24 hours, 1–3 days, 3–12 days. */
    private static final long[][] PENDING_AGES_MINUTES = {
        {5, 55}, {65, 235}, {250, 1_430}, {1_450, 4_300}, {4_400, 17_000}
    };

    static LifePlan of(WorkflowDefinition workflow, List<Transition> path, Instant now, Random random) {
        var stays = new ArrayList<Duration>();
        Duration movable = Duration.ZERO;
        for (Transition step : path) {
            Duration stay = stay(workflow, step, random);
            stays.add(stay);
            if (step.trigger() != Trigger.TIMER) {
                movable = movable.plus(stay);
            }
        }
        String target = path.isEmpty()
                ? workflow.initialStage().code()
                : path.get(path.size() - 1).to();
        boolean pending = !workflow.stage(target).map(Stage::terminal).orElse(true);
        Duration last = pending ? pendingAge(workflow, target, random) : minutes(random, 15, 600);
        Duration timers = total(stays).minus(movable);
        Duration room = SPAN.minus(last).minus(timers);
        if (movable.compareTo(room) > 0 && !movable.isZero()) {
            shrink(stays, path, (double) Math.max(room.toMinutes(), 60) / movable.toMinutes());
        }
        Duration life = total(stays).plus(last);
        Duration spare = SPAN.minus(life);
        // a finished operation may have finished on any day of the window; a pending one is as old as it is
        Duration earlier = pending ? Duration.ZERO : minutes(random, 0, Math.max(0, spare.toMinutes()));
        return new LifePlan(now.minus(life).minus(earlier), List.copyOf(stays));
    }

    /** Around the stage's SLA, from a sixth of it to a third beyond it; within a timer's time when one would fire. */
    private static Duration stay(WorkflowDefinition workflow, Transition step, Random random) {
        var timer = workflow.timer(step.from());
        if (step.trigger() == Trigger.TIMER && step.after() != null) {
            return step.after().plusSeconds(1);
        }
        Duration base = workflow.stage(step.from())
                .map(Stage::sla)
                .filter(s -> s != null)
                .orElse(DEFAULT_STAY);
        Duration stay = Duration.ofSeconds((long) (base.toSeconds() * (0.15 + 1.2 * random.nextDouble())))
                .plusMinutes(2);
        if (timer.isPresent() && timer.get().after() != null) {
            Duration limit = timer.get().after().multipliedBy(8).dividedBy(10);
            return stay.compareTo(limit) < 0 ? stay : limit;
        }
        return stay;
    }

    /** How long a pending operation has been in its stage: one of the backlog's age buckets, short of a timer. */
    private static Duration pendingAge(WorkflowDefinition workflow, String stage, Random random) {
        long[] range = PENDING_AGES_MINUTES[random.nextInt(PENDING_AGES_MINUTES.length)];
        Duration age = minutes(random, range[0], range[1]);
        var timer = workflow.timer(stage);
        if (timer.isPresent() && timer.get().after() != null) {
            Duration limit = timer.get().after().dividedBy(2);
            return age.compareTo(limit) < 0 ? age : limit;
        }
        return age;
    }

    private static void shrink(List<Duration> stays, List<Transition> path, double factor) {
        for (int i = 0; i < stays.size(); i++) {
            if (path.get(i).trigger() != Trigger.TIMER) {
                stays.set(
                        i, Duration.ofSeconds(Math.max(60, (long) (stays.get(i).toSeconds() * factor))));
            }
        }
    }

    private static Duration total(List<Duration> durations) {
        return durations.stream().reduce(Duration.ZERO, Duration::plus);
    }

    private static Duration minutes(Random random, long from, long to) {
        return Duration.ofMinutes(from + (to > from ? random.nextLong(to - from) : 0));
    }
}
