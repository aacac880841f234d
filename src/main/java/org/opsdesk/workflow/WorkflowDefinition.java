package org.opsdesk.workflow;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.Money;
import org.opsdesk.shared.PermissionDenied;

/** One version of one operation type's workflow: validated, immutable. */
public final class WorkflowDefinition {

    private final String type;
    private final int version;
    private final String description;
    private final String initialStage;
    private final Map<String, Stage> stages;
    private final List<Transition> transitions;

    public WorkflowDefinition(
            String type,
            int version,
            String description,
            String initialStage,
            List<Stage> stages,
            List<Transition> transitions) {
        this.type = type;
        this.version = version;
        this.description = description;
        this.initialStage = initialStage;
        var byCode = new LinkedHashMap<String, Stage>();
        stages.forEach(stage -> byCode.put(stage.code(), stage));
        this.stages = java.util.Collections.unmodifiableMap(byCode);
        this.transitions = List.copyOf(transitions);
    }

    public String type() {
        return type;
    }

    public int version() {
        return version;
    }

    public String description() {
        return description;
    }

    public Stage initialStage() {
        return stages.get(initialStage);
    }

    public List<Stage> stages() {
        return List.copyOf(stages.values());
    }

    public List<Transition> transitions() {
        return transitions;
    }

    public Optional<Stage> stage(String code) {
        return Optional.ofNullable(stages.get(code));
    }

    /** The transition from one stage to another, if the workflow has one. */
    public Optional<Transition> transition(String from, String to) {
        return transitions.stream()
                .filter(t -> t.from().equals(from) && t.to().equals(to))
                .findFirst();
    }

    public List<Transition> outgoing(String from) {
        return transitions.stream().filter(t -> t.from().equals(from)).toList();
    }

    /** The timer transition leaving a stage, if any (validation allows at most one per stage). */
    public Optional<Transition> timer(String from) {
        return transitions.stream()
                .filter(t -> t.from().equals(from) && t.trigger() == Trigger.TIMER)
                .findFirst();
    }

    /**
     * Decides whether an actor may move an operation from one stage to another now, or says exactly why not.
     * Internal processes (the timer, loaders) are trusted; people and keys need the transition's permission, or
     * its override permission and a reason to force a system or timer move.
     *
     * @throws UnknownStage if {@code to} is not a stage of this workflow
     * @throws TransitionNotAllowed if there is no such transition from {@code from}
     * @throws org.opsdesk.shared.PermissionDenied if the actor lacks the permission
     * <p>The move says how many approvals it needs before it applies, from the transition's four-eyes policy and
     * the operation's amount; internal processes never need any.
     *
     * @param amount the operation's amount, null when it has none (four-eyes tiers then apply, failing safe)
     * @throws ReasonRequired if a reason is needed and blank
     */
    public Move move(String from, String to, Actor actor, @Nullable String reason, @Nullable Money amount) {
        if (!stages.containsKey(to)) {
            throw new UnknownStage("to", type, to);
        }
        Transition transition = transition(from, to).orElseThrow(() -> new TransitionNotAllowed(type, from, to));
        if (actor.kind() == Actor.Kind.TIMER && transition.trigger() != Trigger.TIMER) {
            throw new TransitionNotAllowed(type, from, to); // the timer fires timers, nothing else
        }
        if (actor.isInternal()) {
            return new Move(transition, false, 0);
        }
        boolean override = !transition.takenWithoutOverrideBy(actor.kind());
        String permission = override ? transition.overridePermission() : transition.permission();
        if (!actor.may(permission)) {
            throw new PermissionDenied(permission);
        }
        boolean blank = reason == null || reason.isBlank();
        if (override && blank) {
            throw new ReasonRequired("forcing a " + transition.trigger().code() + " transition needs a reason");
        }
        if (transition.reasonRequired() && blank) {
            throw new ReasonRequired("the move to '" + to + "' needs a reason");
        }
        return new Move(transition, override, transition.fourEyes().requiredApprovals(amount));
    }

    /**
     * The moves out of a stage that this actor holds the permission for (directly or as an override), each with
     * the approvals it would need for an operation of this amount.
     */
    public List<Move> movesFor(String from, Actor actor, @Nullable Money amount) {
        return outgoing(from).stream()
                .filter(t -> actor.kind() != Actor.Kind.TIMER || t.trigger() == Trigger.TIMER)
                .filter(t -> actor.isInternal()
                        || actor.may(t.takenWithoutOverrideBy(actor.kind()) ? t.permission() : t.overridePermission()))
                .map(t -> new Move(
                        t,
                        !actor.isInternal() && !t.takenWithoutOverrideBy(actor.kind()),
                        actor.isInternal() ? 0 : t.fourEyes().requiredApprovals(amount)))
                .toList();
    }

    public WorkflowDefinition withVersion(int newVersion) {
        return new WorkflowDefinition(type, newVersion, description, initialStage, stages(), transitions);
    }
}
