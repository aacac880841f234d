package org.opsdesk.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.CurrencyCode;
import org.opsdesk.shared.Money;
import org.opsdesk.shared.PermissionDenied;
import org.opsdesk.shared.Permissions;
import org.opsdesk.shared.ProblemException;
import org.opsdesk.workflow.loading.WorkflowFileReader;
import org.opsdesk.workflow.loading.WorkflowValidator;

/**
 * The eighteen workflow definitions shipped in {@code src/main/resources/workflows}: they load, they have the shape
 * written out below for each type, and {@link WorkflowDefinition#move} enforces their transitions, permissions,
 * reasons, overrides, four-eyes rules and timers.
 */
class ShippedWorkflowsTests {

    private static final String REASON = "confirmed with the client by phone";

    /** What each shipped type must look like, written out by hand from its YAML. */
    private static final List<Expectation> EXPECTATIONS = List.of(
            actionFamily("account_action"),
            actionFamily("party_action"),
            actionFamily("user_action"),
            actionFamily("record_action"),
            new Expectation(
                    "account_block",
                    "requested",
                    Set.of("unblocked", "dismissed"),
                    Set.of("blocked -> unblocking"),
                    Set.of("block_failed -> blocked", "unblock_failed -> blocked"),
                    List.of(),
                    "requested -> blocked"),
            new Expectation(
                    "bonus_accrual",
                    "pending_activation",
                    Set.of("credited", "rejected", "expired", "cancelled"),
                    Set.of(),
                    Set.of(),
                    List.of(timer("pending_activation", "expired", "P7D")),
                    "pending_activation -> credited"),
            new Expectation(
                    "card_issuance",
                    "requested",
                    Set.of("activated", "rejected", "cancelled", "activation_expired"),
                    Set.of(),
                    Set.of(),
                    List.of(timer("in_delivery", "activation_expired", "P90D")),
                    "requested -> in_delivery"),
            new Expectation(
                    "deposit",
                    "awaiting_payment",
                    Set.of("completed", "declined", "expired", "refunded"),
                    Set.of(),
                    Set.of(),
                    List.of(timer("awaiting_payment", "expired", "PT1H")),
                    "awaiting_payment -> completed"),
            new Expectation(
                    "exchange_order",
                    "awaiting_payment",
                    // completed is left only by the bank's return (ADR 0033)
                    Set.of("expired", "cancelled", "refunded"),
                    Set.of(),
                    Set.of("payout_sent -> completed"),
                    List.of(timer("awaiting_payment", "expired", "PT15M")),
                    "awaiting_payment -> payout_pending"),
            new Expectation(
                    "kyc_verification",
                    "submitted",
                    Set.of("verified", "rejected", "expired"),
                    Set.of(),
                    Set.of(),
                    List.of(timer("documents_requested", "expired", "P30D")),
                    "documents_requested -> verified"),
            new Expectation(
                    "limit_change",
                    "requested",
                    Set.of("applied", "rejected", "cancelled", "expired"),
                    Set.of("under_review -> applying"),
                    Set.of(),
                    List.of(timer("documents_requested", "expired", "P14D")),
                    "requested -> applied"),
            new Expectation(
                    "loan",
                    "submitted",
                    Set.of("disbursed", "declined", "cancelled", "expired"),
                    Set.of("underwriting -> approved"),
                    Set.of(),
                    List.of(timer("approved", "expired", "P14D")),
                    "submitted -> disbursement_pending"),
            new Expectation(
                    "order",
                    "awaiting_payment",
                    Set.of("delivered", "expired", "cancelled", "refunded"),
                    Set.of(),
                    Set.of(),
                    List.of(timer("awaiting_payment", "expired", "PT30M")),
                    "awaiting_payment -> shipped"),
            new Expectation(
                    "p2p_transfer",
                    "processing",
                    Set.of("completed", "rejected", "cancelled", "expired", "reversed"),
                    Set.of("under_review -> completed"),
                    Set.of(),
                    List.of(timer("awaiting_recipient", "expired", "P7D")),
                    "processing -> reversed"),
            new Expectation(
                    "payout_batch",
                    "open",
                    Set.of("closed", "discarded"),
                    Set.of(),
                    Set.of(),
                    List.of(),
                    "open -> sent"),
            new Expectation(
                    "reservation",
                    "requested",
                    Set.of("completed", "cancelled", "no_show", "hold_released"),
                    Set.of(),
                    Set.of(),
                    List.of(timer("requested", "hold_released", "PT1H")),
                    "requested -> checked_in"),
            new Expectation(
                    "support_ticket",
                    "open",
                    Set.of("resolved", "closed", "dismissed"),
                    Set.of(),
                    Set.of(),
                    List.of(timer("waiting_for_client", "closed", "P7D"), timer("solution_provided", "closed", "P3D")),
                    "open -> closed"),
            new Expectation(
                    "withdrawal",
                    "requested",
                    Set.of("completed", "rejected", "cancelled", "returned_to_balance"),
                    Set.of("under_review -> approved"),
                    Set.of(),
                    List.of(),
                    "requested -> approved"));

    private static final Map<String, Expectation> EXPECTED =
            EXPECTATIONS.stream().collect(Collectors.toMap(Expectation::type, Function.identity()));

    private static Map<String, WorkflowDefinition> shipped = Map.of();
    private static List<String> loadErrors = List.of();

    @BeforeAll
    static void loadShippedDefinitions() {
        var errors = new ArrayList<String>();
        var sources = new WorkflowFileReader().read(null, errors);
        shipped = new WorkflowValidator().validate(sources, errors);
        loadErrors = List.copyOf(errors);
    }

    static Stream<String> types() {
        return EXPECTATIONS.stream().map(Expectation::type);
    }

    static Stream<String> typesWithTimers() {
        return EXPECTATIONS.stream().filter(e -> !e.timers().isEmpty()).map(Expectation::type);
    }

    // ---- loading and shape ----------------------------------------------------------------------------------

    @Test
    void loadsEveryShippedDefinitionWithoutErrors() {
        assertThat(loadErrors).isEmpty();
        assertThat(shipped)
                .hasSize(18)
                .containsOnlyKeys(
                        "account_action",
                        "party_action",
                        "user_action",
                        "record_action",
                        "account_block",
                        "bonus_accrual",
                        "card_issuance",
                        "deposit",
                        "exchange_order",
                        "kyc_verification",
                        "limit_change",
                        "loan",
                        "order",
                        "p2p_transfer",
                        "payout_batch",
                        "reservation",
                        "support_ticket",
                        "withdrawal");
        assertThat(shipped.keySet()).isEqualTo(EXPECTED.keySet());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("types")
    void startsInTheExpectedStageAndEndsOnlyInTheExpectedTerminalStages(String type) {
        var definition = definition(type);
        var expected = EXPECTED.get(type);

        assertThat(definition.type()).isEqualTo(type);
        assertThat(definition.initialStage().code()).isEqualTo(expected.initialStage());
        assertThat(definition.stages().stream().filter(Stage::terminal).map(Stage::code))
                .containsExactlyInAnyOrderElementsOf(expected.terminalStages());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("types")
    void guardsEveryTransitionWithThePermissionNamedAfterItsTarget(String type) {
        assertThat(definition(type).transitions()).isNotEmpty().allSatisfy(t -> {
            assertThat(t.permission()).as(describe(t)).isEqualTo(type + ":transition:" + t.to());
            assertThat(t.overridePermission()).as(describe(t)).isEqualTo(type + ":transition:" + t.to() + ":override");
        });
    }

    // ---- (a) allowed moves ------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("types")
    void allowsEveryManualAndSystemTransitionToAnActorHoldingExactlyItsPermission(String type) {
        var definition = definition(type);
        var transitions = definition.transitions().stream()
                .filter(t -> t.trigger() != Trigger.TIMER && !t.fourEyes().isActive())
                .toList();

        assertThat(transitions).isNotEmpty();
        for (Transition t : transitions) {
            String reason = t.reasonRequired() ? REASON : null;
            for (Actor actor : directTakers(t, t.permission())) {
                assertThat(definition.move(t.from(), t.to(), actor, reason, null))
                        .as("%s by %s", describe(t), actor.kind())
                        .isEqualTo(new Move(t, false, 0));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("types")
    void asksForApprovalOfFourEyesTransitionsWithoutAnAmountButNeverOfInternalProcesses(String type) {
        var definition = definition(type);
        var fourEyes = definition.transitions().stream()
                .filter(t -> t.fourEyes().isActive())
                .toList();

        assertThat(fourEyes.stream().map(ShippedWorkflowsTests::describe))
                .containsExactlyInAnyOrderElementsOf(EXPECTED.get(type).fourEyes());
        for (Transition t : fourEyes) {
            assertThat(t.trigger()).as(describe(t)).isEqualTo(Trigger.MANUAL);
            // No amount to compare: every tier applies (fail safe), so the highest number of checkers is needed.
            int highest = t.fourEyes().tiers().stream()
                    .mapToInt(FourEyesPolicy.Tier::approvals)
                    .max()
                    .orElseThrow();
            assertThat(definition.move(t.from(), t.to(), operator(t.permission()), REASON, null))
                    .as(describe(t))
                    .isEqualTo(new Move(t, false, highest));
            assertThat(definition.move(t.from(), t.to(), Actor.system("test"), REASON, null))
                    .as(describe(t))
                    .isEqualTo(new Move(t, false, 0));
        }
    }

    @Test
    void asksForApprovalOfAWithdrawalByItsAmountAndCurrency() {
        var withdrawal = definition("withdrawal");
        var checker = operator("withdrawal:transition:approved");

        assertThat(approvalsFor(withdrawal, "under_review", "approved", checker, money("1000.00", "EUR", 2)))
                .isZero();
        assertThat(approvalsFor(withdrawal, "under_review", "approved", checker, money("1000.01", "EUR", 2)))
                .isEqualTo(1);
        assertThat(approvalsFor(withdrawal, "under_review", "approved", checker, money("50000.00", "EUR", 2)))
                .isEqualTo(1);
        assertThat(approvalsFor(withdrawal, "under_review", "approved", checker, money("50000.01", "EUR", 2)))
                .isEqualTo(2);
        assertThat(approvalsFor(withdrawal, "under_review", "approved", checker, money("1050.00", "USD", 2)))
                .isZero();
        assertThat(approvalsFor(withdrawal, "under_review", "approved", checker, money("1050.00", "GBP", 2)))
                .isEqualTo(1);
        assertThat(approvalsFor(withdrawal, "under_review", "approved", checker, money("5999.99", "BRL", 2)))
                .isZero();
        assertThat(approvalsFor(withdrawal, "under_review", "approved", checker, money("0.01", "CHF", 2)))
                .as("a currency the policy does not list fails safe")
                .isEqualTo(2);
    }

    @Test
    void alwaysAsksForOneCheckerOfALoanAndTwoAboveTwentyFiveThousandEuros() {
        var loan = definition("loan");
        var underwriter = operator("loan:transition:approved");

        assertThat(approvalsFor(loan, "underwriting", "approved", underwriter, money("500.00", "EUR", 2)))
                .isEqualTo(1);
        assertThat(approvalsFor(loan, "underwriting", "approved", underwriter, money("25000.01", "EUR", 2)))
                .isEqualTo(2);
    }

    @Test
    void alwaysAsksForOneCheckerToLiftAnAccountBlock() {
        var block = definition("account_block");

        assertThat(block.transition("blocked", "unblocking").orElseThrow().fourEyes())
                .isEqualTo(FourEyesPolicy.always());
        assertThat(approvalsFor(block, "blocked", "unblocking", operator("account_block:*"), null))
                .isEqualTo(1);
    }

    // ---- (b) refused moves ------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("types")
    void refusesAMoveBetweenStagesWithoutATransitionEvenToInternalProcesses(String type) {
        var definition = definition(type);
        var skip = EXPECTED.get(type).skip().split(" -> ");

        assertThatExceptionOfType(TransitionNotAllowed.class)
                .isThrownBy(() -> definition.move(skip[0], skip[1], Actor.system("test"), REASON, null))
                .withMessage("a %s in stage '%s' cannot move to '%s'", type, skip[0], skip[1]);

        var declared = definition.transitions().stream()
                .map(ShippedWorkflowsTests::describe)
                .collect(Collectors.toSet());
        for (Stage from : definition.stages()) {
            for (Stage to : definition.stages()) {
                if (!declared.contains(from.code() + " -> " + to.code())) {
                    assertThatExceptionOfType(TransitionNotAllowed.class)
                            .as("%s -> %s", from.code(), to.code())
                            .isThrownBy(
                                    () -> definition.move(from.code(), to.code(), Actor.system("test"), REASON, null));
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("types")
    void refusesAnUnknownTargetStage(String type) {
        var definition = definition(type);
        var everything = operator(type + ":*");

        for (Stage from : definition.stages()) {
            assertThatExceptionOfType(UnknownStage.class)
                    .as(from.code())
                    .isThrownBy(() -> definition.move(from.code(), "teleported", everything, REASON, null))
                    .withMessage("'teleported' is not a stage of " + type);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("types")
    void neverLeavesATerminalStage(String type) {
        var definition = definition(type);

        for (String terminal : EXPECTED.get(type).terminalStages()) {
            assertThat(definition.outgoing(terminal)).as(terminal).isEmpty();
            for (Stage to : definition.stages()) {
                assertThatExceptionOfType(TransitionNotAllowed.class)
                        .as("%s -> %s", terminal, to.code())
                        .isThrownBy(() -> definition.move(terminal, to.code(), Actor.system("test"), REASON, null));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("types")
    void refusesAPersonOrKeyWithoutThePermissionAndNamesIt(String type) {
        var definition = definition(type);

        for (Transition t : definition.transitions()) {
            for (Actor.Kind kind : List.of(Actor.Kind.OPERATOR, Actor.Kind.API_KEY)) {
                String needed = needsOverride(t.trigger(), kind) ? t.overridePermission() : t.permission();
                // Holding the neighbouring permissions of other transitions does not help.
                String[] others = definition.transitions().stream()
                        .map(Transition::permission)
                        .filter(p -> !p.equals(t.permission()))
                        .distinct()
                        .toArray(String[]::new);
                for (Actor actor : List.of(actor(kind), actor(kind, others))) {
                    assertThatExceptionOfType(PermissionDenied.class)
                            .as("%s by %s holding %s", describe(t), kind, actor.permissions())
                            .isThrownBy(() -> definition.move(t.from(), t.to(), actor, REASON, null))
                            .withMessage("this action needs the permission '" + needed + "'")
                            .satisfies(denied -> assertThat(denied.properties()).containsEntry("permission", needed));
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("types")
    void requiresAReasonForEveryMoveIntoAnErrorOrRejectedStage(String type) {
        var definition = definition(type);
        var intoErrorOrRejected = definition.transitions().stream()
                .filter(t ->
                        status(definition, t.to()) == Status.ERROR || status(definition, t.to()) == Status.REJECTED)
                .toList();

        assertThat(intoErrorOrRejected)
                .isNotEmpty()
                .allSatisfy(t -> assertThat(t.reasonRequired()).as(describe(t)).isTrue());
        for (Transition t : intoErrorOrRejected) {
            if (t.trigger() == Trigger.TIMER) {
                continue; // only the timer takes these without an override, and it needs no reason
            }
            for (Actor actor : directTakers(t, t.permission())) {
                for (String missing : new String[] {null, "", "   "}) {
                    assertThatExceptionOfType(ReasonRequired.class)
                            .as("%s by %s with reason '%s'", describe(t), actor.kind(), missing)
                            .isThrownBy(() -> definition.move(t.from(), t.to(), actor, missing, null))
                            .withMessage("the move to '" + t.to() + "' needs a reason")
                            .satisfies(e -> assertThat(e.errors())
                                    .extracting(ProblemException.FieldError::field)
                                    .containsExactly("reason"));
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("types")
    void requiresAReasonOnlyWhereTheWorkflowSaysSo(String type) {
        var definition = definition(type);
        var expected = definition.transitions().stream()
                .filter(t -> status(definition, t.to()).needsReason())
                .map(ShippedWorkflowsTests::describe)
                .collect(Collectors.toSet());
        expected.addAll(EXPECTED.get(type).reasonRequiredBeyondErrorAndRejected());

        assertThat(definition.transitions().stream()
                        .filter(Transition::reasonRequired)
                        .map(ShippedWorkflowsTests::describe))
                .containsExactlyInAnyOrderElementsOf(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("types")
    void letsAnOperatorForceASystemTransitionOnlyWithTheOverridePermissionAndAReason(String type) {
        var definition = definition(type);
        var system = definition.transitions().stream()
                .filter(t -> t.trigger() == Trigger.SYSTEM)
                .toList();

        assertThat(system).isNotEmpty();
        for (Transition t : system) {
            assertThatExceptionOfType(PermissionDenied.class)
                    .as(describe(t))
                    .isThrownBy(() -> definition.move(t.from(), t.to(), operator(t.permission()), REASON, null))
                    .satisfies(e -> assertThat(e.properties()).containsEntry("permission", t.overridePermission()));
            assertThatExceptionOfType(ReasonRequired.class)
                    .as(describe(t))
                    .isThrownBy(() -> definition.move(t.from(), t.to(), operator(t.overridePermission()), null, null))
                    .withMessage("forcing a system transition needs a reason");
            assertThat(definition.move(t.from(), t.to(), operator(t.overridePermission()), REASON, null))
                    .as(describe(t))
                    .isEqualTo(new Move(t, true, t.fourEyes().requiredApprovals(null)));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("typesWithTimers")
    void letsAPersonOrKeyForceATimerTransitionOnlyWithTheOverridePermissionAndAReason(String type) {
        var definition = definition(type);
        var timers = definition.transitions().stream()
                .filter(t -> t.trigger() == Trigger.TIMER)
                .toList();
        assertThat(timers).as("%s has timers", type).isNotEmpty();

        for (Transition t : timers) {
            for (Actor.Kind kind : List.of(Actor.Kind.API_KEY, Actor.Kind.OPERATOR)) {
                assertThatExceptionOfType(PermissionDenied.class)
                        .as("%s by %s", describe(t), kind)
                        .isThrownBy(() -> definition.move(t.from(), t.to(), actor(kind, t.permission()), REASON, null))
                        .satisfies(e -> assertThat(e.properties()).containsEntry("permission", t.overridePermission()));
                assertThatExceptionOfType(ReasonRequired.class)
                        .as("%s by %s", describe(t), kind)
                        .isThrownBy(
                                () -> definition.move(t.from(), t.to(), actor(kind, t.overridePermission()), " ", null))
                        .withMessage("forcing a timer transition needs a reason");
                assertThat(definition.move(t.from(), t.to(), actor(kind, t.overridePermission()), REASON, null))
                        .as("%s by %s", describe(t), kind)
                        .isEqualTo(new Move(t, true, t.fourEyes().requiredApprovals(null)));
            }
        }
    }

    // ---- (c) timers -------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("types")
    void firesExactlyTheExpectedTimersAndNoneFromOtherStages(String type) {
        var definition = definition(type);
        var expected = EXPECTED.get(type).timers();

        assertThat(expected).allSatisfy(timer -> assertThat(definition.stage(timer.from()))
                .as(timer.from())
                .isPresent());
        for (Stage stage : definition.stages()) {
            var expectedTimer =
                    expected.stream().filter(t -> t.from().equals(stage.code())).findFirst();
            assertThat(definition.timer(stage.code()).map(t -> new Timer(t.from(), t.to(), t.after())))
                    .as("timer from %s", stage.code())
                    .isEqualTo(expectedTimer);
        }
        assertThat(definition.transitions().stream()
                        .filter(t -> t.trigger() == Trigger.TIMER)
                        .map(t -> new Timer(t.from(), t.to(), t.after())))
                .containsExactlyInAnyOrderElementsOf(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("typesWithTimers")
    void letsTheTimerTakeEveryTimerTransitionWithoutPermissionOrReason(String type) {
        var definition = definition(type);
        var expected = EXPECTED.get(type).timers();
        assertThat(expected).as("%s has timers", type).isNotEmpty();

        for (Timer timer : expected) {
            Transition transition = definition.timer(timer.from()).orElseThrow();
            assertThat(definition.move(timer.from(), timer.to(), Actor.timer(), null, null))
                    .as(timer.from())
                    .isEqualTo(new Move(transition, false, 0));
        }
    }

    @Test
    void expiresAnUnpaidExchangeOrderAfterFifteenMinutes() {
        assertThat(definition("exchange_order").timer("awaiting_payment")).hasValueSatisfying(t -> {
            assertThat(t.to()).isEqualTo("expired");
            assertThat(t.after()).isEqualTo(Duration.ofMinutes(15));
        });
        assertThat(definition("exchange_order").timer("funds_received")).isEmpty();
    }

    @Test
    void closesASupportTicketAfterAWeekWithoutAnAnswerFromTheClient() {
        assertThat(definition("support_ticket").timer("waiting_for_client")).hasValueSatisfying(t -> {
            assertThat(t.to()).isEqualTo("closed");
            assertThat(t.after()).isEqualTo(Duration.ofDays(7));
        });
        assertThat(definition("support_ticket").timer("in_progress")).isEmpty();
    }

    // ---- (d) realism ------------------------------------------------------------------------------------------

    @Test
    void paysOutAWithdrawalOnlyAfterReviewApprovalAndSending() {
        var withdrawal = definition("withdrawal");

        assertThat(withdrawal.initialStage().code()).isEqualTo("requested");
        assertPath(withdrawal, "requested", "under_review", "approved", "sent", "completed");
        assertStage(withdrawal, "completed", Status.SUCCESS, true);
        assertStage(withdrawal, "rejected", Status.REJECTED, true);
        assertStage(withdrawal, "failed", Status.ERROR, false);
        assertThat(withdrawal.transition("requested", "sent")).isEmpty();
        assertThat(withdrawal.transition("under_review", "approved"))
                .hasValueSatisfying(t -> assertThat(t.fourEyes().isActive()).isTrue());
    }

    @Test
    void paysOutAnExchangeOrderOnlyAfterTheFundsArrive() {
        var exchange = definition("exchange_order");

        assertThat(exchange.initialStage().code()).isEqualTo("awaiting_payment");
        assertPath(exchange, "awaiting_payment", "funds_received", "payout_pending", "completed");
        assertStage(exchange, "completed", Status.SUCCESS, false);
        assertStage(exchange, "expired", Status.REJECTED, true);
        assertStage(exchange, "cancelled", Status.REJECTED, true);
        assertStage(exchange, "payment_mismatch", Status.ERROR, false);
        assertThat(exchange.transition("awaiting_payment", "payment_mismatch")).isPresent();
        assertThat(exchange.transition("awaiting_payment", "payout_pending")).isEmpty();
        // version 2: the cashier's steps by hand (held by the exchange module's guard per pair mode), and every
        // open stage may be cancelled, with a reason
        for (String[] step : new String[][] {
            {"awaiting_payment", "funds_received"},
            {"funds_received", "payout_pending"},
            {"payout_pending", "completed"}
        }) {
            assertThat(exchange.transition(step[0], step[1]))
                    .hasValueSatisfying(t -> assertThat(t.trigger()).isEqualTo(Trigger.MANUAL));
        }
        for (String open :
                List.of("awaiting_payment", "funds_received", "payout_pending", "payment_mismatch", "payout_failed")) {
            assertThat(exchange.transition(open, "cancelled"))
                    .as(open)
                    .hasValueSatisfying(t -> assertThat(t.reasonRequired()).isTrue());
        }
        // version 4: a payout batch's file sends it (payout_sent), the bank confirms or returns it, never cancelled
        assertPath(exchange, "payout_pending", "payout_sent", "completed");
        assertStage(exchange, "payout_sent", Status.PENDING, false);
        assertThat(exchange.transition("payout_pending", "payout_sent"))
                .hasValueSatisfying(t -> assertThat(t.trigger()).isEqualTo(Trigger.SYSTEM));
        assertThat(exchange.transition("payout_sent", "payout_failed"))
                .hasValueSatisfying(t -> assertThat(t.trigger()).isEqualTo(Trigger.SYSTEM));
        assertThat(exchange.transition("payout_sent", "cancelled")).isEmpty();
        // ADR 0033: a transfer the bank returns after a statement completed the order fails it; nothing else
        // leaves completed
        assertThat(exchange.outgoing("completed")).singleElement().satisfies(t -> {
            assertThat(t.to()).isEqualTo("payout_failed");
            assertThat(t.trigger()).isEqualTo(Trigger.SYSTEM);
            assertThat(t.reasonRequired()).isTrue();
        });
    }

    // ---- (e) moves on offer -----------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("types")
    void offersOnlyTheMovesTheActorHoldsThePermissionOrOverrideFor(String type) {
        var definition = definition(type);

        for (Stage stage : definition.stages()) {
            String from = stage.code();
            for (Actor.Kind kind : List.of(Actor.Kind.OPERATOR, Actor.Kind.API_KEY)) {
                assertThat(definition.movesFor(from, actor(kind), null))
                        .as("%s by %s", from, kind)
                        .isEmpty();
            }
            for (Transition t : definition.outgoing(from)) {
                for (Actor.Kind kind : List.of(Actor.Kind.OPERATOR, Actor.Kind.API_KEY)) {
                    boolean override = needsOverride(t.trigger(), kind);
                    assertThat(definition.movesFor(from, actor(kind, t.permission()), null))
                            .as("%s by %s with the base permission", describe(t), kind)
                            .isEqualTo(override ? List.of() : List.of(asked(t, false)));
                    assertThat(definition.movesFor(from, actor(kind, t.overridePermission()), null))
                            .as("%s by %s with the override permission", describe(t), kind)
                            .isEqualTo(override ? List.of(asked(t, true)) : List.of());
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("types")
    void offersEveryMoveOutOfAStageToAnActorHoldingAllOfTheTypesPermissions(String type) {
        var definition = definition(type);
        var operator = operator(type + ":*");
        var key = apiKey(type + ":*");

        for (Stage stage : definition.stages()) {
            var outgoing = definition.outgoing(stage.code());
            assertThat(definition.movesFor(stage.code(), operator, null))
                    .as("operator in %s", stage.code())
                    .containsExactlyElementsOf(outgoing.stream()
                            .map(t -> asked(t, t.trigger() != Trigger.MANUAL))
                            .toList());
            assertThat(definition.movesFor(stage.code(), key, null))
                    .as("key in %s", stage.code())
                    .containsExactlyElementsOf(outgoing.stream()
                            .map(t -> asked(t, t.trigger() == Trigger.TIMER))
                            .toList());
            assertThat(definition.movesFor(stage.code(), Actor.system("test"), null))
                    .as("system in %s", stage.code())
                    .containsExactlyElementsOf(
                            outgoing.stream().map(t -> new Move(t, false, 0)).toList());
            assertThat(definition.movesFor(stage.code(), operator(type.equals("loan") ? "order:*" : "loan:*"), null))
                    .as("another type's operator in %s", stage.code())
                    .isEmpty();
        }
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private record Timer(String from, String to, Duration after) {}

    /** The move as offered to a person or key for an operation without an amount (four-eyes fails safe). */
    private static Move asked(Transition t, boolean override) {
        return new Move(t, override, t.fourEyes().requiredApprovals(null));
    }

    private static int approvalsFor(
            WorkflowDefinition definition, String from, String to, Actor actor, @Nullable Money amount) {
        return definition.move(from, to, actor, REASON, amount).requiredApprovals();
    }

    private static Money money(String value, String currency, int digits) {
        return new Money(new BigDecimal(value), new CurrencyCode(currency, digits));
    }

    /**
     * @param fourEyes transitions ({@code from -> to}) that need a second person
     * @param reasonRequiredBeyondErrorAndRejected transitions into other statuses that still need a reason
     * @param skip a move that must not exist, written {@code from -> to}
     */
    private record Expectation(
            String type,
            String initialStage,
            Set<String> terminalStages,
            Set<String> fourEyes,
            Set<String> reasonRequiredBeyondErrorAndRejected,
            List<Timer> timers,
            String skip) {}

    /**
     * The back-office action families share one graph: four-eyes per invocation comes from the action's declaration
     * (operations' ApprovalRule), never from the workflow; an action is applied only once approved.
     */
    private static Expectation actionFamily(String type) {
        return new Expectation(
                type,
                "requested",
                Set.of("applied", "failed", "refused", "declined"),
                Set.of(),
                Set.of(),
                List.of(),
                "requested -> applied");
    }

    private static Timer timer(String from, String to, String after) {
        return new Timer(from, to, Duration.parse(after));
    }

    private static WorkflowDefinition definition(String type) {
        assertThat(shipped).as("shipped definitions").containsKey(type);
        return shipped.get(type);
    }

    private static Status status(WorkflowDefinition definition, String stage) {
        return definition.stage(stage).orElseThrow().status();
    }

    private static String describe(Transition t) {
        return t.from() + " -> " + t.to();
    }

    /** Written out here rather than taken from {@link Transition#takenWithoutOverrideBy}, which it checks. */
    private static boolean needsOverride(Trigger trigger, Actor.Kind kind) {
        return switch (trigger) {
            case MANUAL -> false;
            case SYSTEM -> kind != Actor.Kind.API_KEY;
            case TIMER -> true;
        };
    }

    /** The people and keys that may take the transition with just its permission. */
    private static List<Actor> directTakers(Transition t, String permission) {
        return switch (t.trigger()) {
            case MANUAL -> List.of(operator(permission), apiKey(permission));
            case SYSTEM -> List.of(apiKey(permission));
            case TIMER -> List.of();
        };
    }

    private static Actor actor(Actor.Kind kind, String... permissions) {
        return kind == Actor.Kind.OPERATOR ? operator(permissions) : apiKey(permissions);
    }

    private static Actor operator(String... permissions) {
        return new Actor(Actor.Kind.OPERATOR, "ann", "Ann", Permissions.of(permissions));
    }

    private static Actor apiKey(String... permissions) {
        return new Actor(Actor.Kind.API_KEY, "k1", "key", Permissions.of(permissions));
    }

    private static void assertPath(WorkflowDefinition definition, String... stages) {
        for (int i = 1; i < stages.length; i++) {
            assertThat(definition.transition(stages[i - 1], stages[i]))
                    .as("%s: %s -> %s", definition.type(), stages[i - 1], stages[i])
                    .isPresent();
        }
    }

    private static void assertStage(WorkflowDefinition definition, String code, Status status, boolean terminal) {
        assertThat(definition.stage(code))
                .as("%s stage %s", definition.type(), code)
                .hasValueSatisfying(stage -> {
                    assertThat(stage.status()).isEqualTo(status);
                    assertThat(stage.terminal()).isEqualTo(terminal);
                });
    }
}
