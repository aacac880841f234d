package org.opsdesk.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opsdesk.workflow.loading.WorkflowFileReader;
import org.opsdesk.workflow.loading.WorkflowValidator;

/**
 * Broken definition files in the override directory are reported precisely (file, type, stage or transition),
 * all at once; valid override files replace or add types.
 */
class WorkflowValidatorTests {

    private static final int SHIPPED_TYPES = 18;

    @TempDir
    Path overrides;

    // ---- precise errors ---------------------------------------------------------------------------------------

    @Test
    void reportsATransitionToAnUnknownStage() throws IOException {
        Path file = write(
                "gizmo.yaml",
                WorkflowYaml.gizmo()
                        .transition("requested", "nowhere", "manual")
                        .yaml());

        assertThat(load().errors())
                .singleElement(STRING)
                .contains(file.toString(), "type 'gizmo'", "transitions[1]", "'to' names unknown stage 'nowhere'");
    }

    @Test
    void reportsATransitionFromAnUnknownStage() throws IOException {
        Path file = write(
                "gizmo.yaml",
                WorkflowYaml.gizmo().transition("limbo", "done", "manual").yaml());

        assertThat(load().errors())
                .singleElement(STRING)
                .contains(file.toString(), "type 'gizmo'", "transitions[1]", "'from' names unknown stage 'limbo'");
    }

    @Test
    void reportsAStageWithoutAStatus() throws IOException {
        Path file = write(
                "gizmo.yaml",
                WorkflowYaml.type("gizmo")
                        .stage("requested", "PENDING")
                        .terminal("done", null)
                        .transition("requested", "done", "system")
                        .yaml());

        assertThat(load().errors())
                .singleElement(STRING)
                .contains(file.toString(), "type 'gizmo'", "stage 'done'", "has no canonical 'status'");
    }

    @Test
    void reportsAStatusOutsideTheFourCanonicalOnes() throws IOException {
        Path file = write(
                "gizmo.yaml",
                WorkflowYaml.type("gizmo")
                        .stage("requested", "PENDING")
                        .terminal("done", "DONE")
                        .transition("requested", "done", "system")
                        .yaml());

        assertThat(load().errors())
                .singleElement(STRING)
                .contains(
                        file.toString(),
                        "type 'gizmo'",
                        "stage 'done'",
                        "status 'DONE' is not one of PENDING, SUCCESS, ERROR, REJECTED");
    }

    @Test
    void reportsAStageThatCannotBeReachedFromTheInitialStage() throws IOException {
        Path file = write(
                "gizmo.yaml",
                WorkflowYaml.gizmo().terminal("orphan", "REJECTED").yaml());

        assertThat(load().errors())
                .singleElement(STRING)
                .contains(
                        file.toString(),
                        "type 'gizmo'",
                        "stage 'orphan'",
                        "unreachable from the initial stage 'requested'");
    }

    @Test
    void reportsATransitionOutOfATerminalStage() throws IOException {
        Path file = write(
                "gizmo.yaml",
                WorkflowYaml.gizmo().transition("done", "requested", "manual").yaml());

        assertThat(load().errors())
                .singleElement(STRING)
                .contains(
                        file.toString(),
                        "type 'gizmo'",
                        "transition done -> requested",
                        "stage 'done' is terminal and cannot be left");
    }

    @Test
    void reportsADuplicateStageCode() throws IOException {
        Path file = write(
                "gizmo.yaml", WorkflowYaml.gizmo().terminal("done", "REJECTED").yaml());

        assertThat(load().errors())
                .singleElement(STRING)
                .contains(file.toString(), "type 'gizmo'", "stage 'done'", "duplicate stage code");
    }

    @Test
    void reportsADuplicateTransition() throws IOException {
        Path file = write(
                "gizmo.yaml",
                WorkflowYaml.gizmo().transition("requested", "done", "manual").yaml());

        assertThat(load().errors())
                .singleElement(STRING)
                .contains(file.toString(), "type 'gizmo'", "transition requested -> done", "duplicate transition");
    }

    @Test
    void reportsATimerWithoutADuration() throws IOException {
        Path file = write(
                "gizmo.yaml",
                WorkflowYaml.gizmo()
                        .terminal("expired", "REJECTED")
                        .transition("requested", "expired", "timer")
                        .yaml());

        assertThat(load().errors())
                .singleElement(STRING)
                .contains(
                        file.toString(),
                        "type 'gizmo'",
                        "transition requested -> expired",
                        "a timer transition needs 'after'");
    }

    @Test
    void reportsADurationOnAManualTransition() throws IOException {
        Path file = write(
                "gizmo.yaml",
                WorkflowYaml.type("gizmo")
                        .stage("requested", "PENDING")
                        .terminal("done", "SUCCESS")
                        .transition("requested", "done", "manual", "after: PT1H")
                        .yaml());

        assertThat(load().errors())
                .singleElement(STRING)
                .contains(
                        file.toString(),
                        "type 'gizmo'",
                        "transition requested -> done",
                        "'after' is only for timer transitions");
    }

    @Test
    void reportsAMoveIntoARejectedStageThatWaivesTheReason() throws IOException {
        Path file = write(
                "gizmo.yaml",
                WorkflowYaml.gizmo()
                        .terminal("rejected", "REJECTED")
                        .transition("requested", "rejected", "manual", "reasonRequired: false")
                        .yaml());

        assertThat(load().errors())
                .singleElement(STRING)
                .contains(
                        file.toString(),
                        "type 'gizmo'",
                        "transition requested -> rejected",
                        "a move into REJECTED always requires a reason");
    }

    @Test
    void reportsAFileNotNamedAfterItsType() throws IOException {
        Path file = write("widget.yaml", valid("gizmo"));

        var loaded = load();

        assertThat(loaded.errors())
                .singleElement(STRING)
                .contains(file.toString(), "type 'gizmo'", "the file must be named after its type: gizmo.yaml");
        assertThat(loaded.definitions()).doesNotContainKeys("gizmo", "widget");
    }

    @Test
    void reportsMalformedYamlWithTheFileAndLine() throws IOException {
        Path file = write(
                "gizmo.yaml",
                WorkflowYaml.type("gizmo")
                        .stage("requested", "[PENDING") // an unclosed flow sequence
                        .yaml());

        assertThat(load().errors()).singleElement(STRING).contains(file.toString(), "cannot read YAML", "(line ");
    }

    @Test
    void reportsAnUnknownKeyWithTheFileAndWhereItIs() throws IOException {
        Path file = write(
                "gizmo.yaml",
                WorkflowYaml.type("gizmo")
                        .stage("requested", "PENDING", "colour: amber")
                        .terminal("done", "SUCCESS")
                        .transition("requested", "done", "system")
                        .yaml());

        assertThat(load().errors())
                .singleElement(STRING)
                .contains(file.toString(), "cannot read YAML", "stages[0].colour", "\"colour\"");
    }

    @Test
    void reportsANonTerminalStageWithNoWayOut() throws IOException {
        Path file = write(
                "gizmo.yaml",
                WorkflowYaml.type("gizmo")
                        .stage("requested", "PENDING")
                        .stage("stuck", "PENDING")
                        .terminal("done", "SUCCESS")
                        .transition("requested", "done", "system")
                        .transition("requested", "stuck", "manual")
                        .yaml());

        assertThat(load().errors())
                .singleElement(STRING)
                .contains(
                        file.toString(),
                        "type 'gizmo'",
                        "stage 'stuck'",
                        "is not terminal but has no transition out of it");
    }

    @Test
    void reportsASecondTimerFromTheSameStage() throws IOException {
        Path file = write(
                "gizmo.yaml",
                WorkflowYaml.gizmo()
                        .terminal("expired", "REJECTED")
                        .terminal("lapsed", "REJECTED")
                        .transition("requested", "expired", "timer", "after: PT1H")
                        .transition("requested", "lapsed", "timer", "after: PT2H")
                        .yaml());

        assertThat(load().errors())
                .singleElement(STRING)
                .contains(
                        file.toString(),
                        "type 'gizmo'",
                        "transition requested -> lapsed",
                        "stage 'requested' already has a timer transition");
    }

    @Test
    void reportsEveryProblemOfAFileAtOnceAndLoadsNothingFromIt() throws IOException {
        Path file = write(
                "gizmo.yaml",
                WorkflowYaml.type("gizmo")
                        .stage("requested", "PENDING")
                        .stage("stuck", "PENDING")
                        .terminal("done", null)
                        .terminal("rejected", "REJECTED")
                        .transition("requested", "done", "manual", "after: PT1H")
                        .transition("requested", "stuck", "manual")
                        .transition("requested", "rejected", "manual", "reasonRequired: false")
                        .yaml());

        var loaded = load();

        assertThat(loaded.errors())
                .hasSize(4)
                .allSatisfy(error -> assertThat(error).startsWith(file + ": type 'gizmo': "))
                .anySatisfy(error -> assertThat(error).contains("stage 'done'", "has no canonical 'status'"))
                .anySatisfy(error ->
                        assertThat(error).contains("transition requested -> done", "'after' is only for timer"))
                .anySatisfy(error -> assertThat(error).contains("stage 'stuck'", "no transition out of it"))
                .anySatisfy(error -> assertThat(error)
                        .contains("transition requested -> rejected", "a move into REJECTED always requires a reason"));
        assertThat(loaded.definitions()).doesNotContainKey("gizmo").hasSize(SHIPPED_TYPES);
    }

    @Test
    void reportsEveryBrokenFileAtOnce() throws IOException {
        Path misnamed = write("widget.yaml", valid("gizmo"));
        Path malformed = write("gadget.yaml", "type: gadget\nstages: [\n");

        assertThat(load().errors())
                .hasSize(2)
                .anySatisfy(error -> assertThat(error).contains(misnamed.toString(), "named after its type"))
                .anySatisfy(error -> assertThat(error).contains(malformed.toString(), "cannot read YAML"));
    }

    // ---- overrides --------------------------------------------------------------------------------------------

    @Test
    void replacesAShippedTypeWithAnOverrideOfTheSameTypeAndKeepsTheOthers() throws IOException {
        var shipped = loadShippedOnly();
        String exchangeOrder = shippedYaml("exchange_order");
        assertThat(exchangeOrder).contains("after: PT15M");
        write("exchange_order.yaml", exchangeOrder.replace("after: PT15M", "after: PT2S"));

        var loaded = load();

        assertThat(loaded.errors()).isEmpty();
        assertThat(loaded.definitions()).hasSize(SHIPPED_TYPES).containsOnlyKeys(shipped.keySet());
        assertThat(loaded.definitions().get("exchange_order").timer("awaiting_payment"))
                .hasValueSatisfying(timer -> {
                    assertThat(timer.to()).isEqualTo("expired");
                    assertThat(timer.after()).isEqualTo(Duration.ofSeconds(2));
                });
        assertThat(loaded.definitions().get("withdrawal").transitions())
                .isEqualTo(shipped.get("withdrawal").transitions());
        assertThat(loaded.definitions().get("support_ticket").timer("waiting_for_client"))
                .map(Transition::after)
                .contains(Duration.ofDays(7));
    }

    @Test
    void addsAValidCustomTypeNextToTheShippedOnes() throws IOException {
        write("gizmo.yaml", valid("gizmo"));

        var loaded = load();

        assertThat(loaded.errors()).isEmpty();
        assertThat(loaded.definitions()).hasSize(SHIPPED_TYPES + 1).containsKeys("gizmo", "withdrawal");
        var gizmo = loaded.definitions().get("gizmo");
        assertThat(gizmo.initialStage().code()).isEqualTo("requested");
        assertThat(gizmo.stages()).extracting(Stage::code).containsExactly("requested", "done", "rejected");
        assertThat(gizmo.transition("requested", "rejected")).hasValueSatisfying(t -> {
            assertThat(t.trigger()).isEqualTo(Trigger.MANUAL);
            assertThat(t.permission()).isEqualTo("gizmo:transition:rejected");
            assertThat(t.reasonRequired()).isTrue();
        });
    }

    @Test
    void acceptsTheYmlExtension() throws IOException {
        write("gizmo.yml", valid("gizmo"));

        var loaded = load();

        assertThat(loaded.errors()).isEmpty();
        assertThat(loaded.definitions()).containsKey("gizmo");
    }

    // ---- four-eyes policies -------------------------------------------------------------------------------

    @Test
    void readsATieredFourEyesPolicyAtEachCurrencysScale() throws IOException {
        write(
                "gizmo.yaml",
                withFourEyes(
                        "gizmo",
                        """
                        fourEyes:
                          - above: { EUR: "1000", JPY: 150000 }
                            approvals: 1
                          - above: { EUR: 50000.5, JPY: "7500000" }
                            approvals: 2
                        """));

        var loaded = load();

        assertThat(loaded.errors()).isEmpty();
        var policy = loaded.definitions()
                .get("gizmo")
                .transition("requested", "done")
                .orElseThrow()
                .fourEyes();
        assertThat(policy.tiers())
                .containsExactly(
                        new FourEyesPolicy.Tier(
                                Map.of("EUR", new BigDecimal("1000.00"), "JPY", new BigDecimal("150000")), 1),
                        new FourEyesPolicy.Tier(
                                Map.of("EUR", new BigDecimal("50000.50"), "JPY", new BigDecimal("7500000")), 2));
    }

    @Test
    void readsTrueAsOneCheckerAlwaysAndFalseAsNone() throws IOException {
        write("gizmo.yaml", withFourEyes("gizmo", "fourEyes: true"));
        write("gadget.yaml", withFourEyes("gadget", "fourEyes: false"));

        var definitions = load().definitions();

        assertThat(definitions
                        .get("gizmo")
                        .transition("requested", "done")
                        .orElseThrow()
                        .fourEyes())
                .isEqualTo(FourEyesPolicy.always());
        assertThat(definitions
                        .get("gadget")
                        .transition("requested", "done")
                        .orElseThrow()
                        .fourEyes())
                .isEqualTo(FourEyesPolicy.none());
    }

    @Test
    void reportsEveryInvalidFourEyesTierWithTheFileTypeAndTransition() throws IOException {
        Path file = write(
                "gizmo.yaml",
                withFourEyes(
                        "gizmo",
                        """
                        fourEyes:
                          - above: { EUR: "10.001", XYZ: "5.00", USD: "-1.00", GBP: "lots" }
                            approvals: 0
                          - approvals: 2
                            when: always
                          - above: {}
                            approvals: 11
                        """));

        assertThat(load().errors())
                .allSatisfy(error -> assertThat(error)
                        .contains(file.toString(), "type 'gizmo'", "transition requested -> done", "fourEyes["))
                .anySatisfy(error -> assertThat(error)
                        .contains("fourEyes[0].approvals: must be a whole number from 1 to 10, found 0"))
                .anySatisfy(error -> assertThat(error)
                        .contains("fourEyes[0].above.EUR: EUR amounts have at most 2 decimals, found 10.001"))
                .anySatisfy(error -> assertThat(error)
                        .contains("fourEyes[0].above.XYZ: 'XYZ' is not a known ISO 4217 or configured currency"))
                .anySatisfy(error -> assertThat(error).contains("fourEyes[0].above.USD: must be a non-negative"))
                .anySatisfy(error -> assertThat(error).contains("fourEyes[0].above.GBP: must be a non-negative"))
                .anySatisfy(error -> assertThat(error).contains("fourEyes[1]: unknown key 'when'"))
                .anySatisfy(
                        error -> assertThat(error).contains("fourEyes[2].above: must map currency codes to amounts"))
                .anySatisfy(error -> assertThat(error)
                        .contains("fourEyes[2].approvals: must be a whole number from 1 to 10, found 11"));
    }

    @Test
    void reportsFourEyesTiersOutOfOrder() throws IOException {
        Path file = write(
                "gizmo.yaml",
                withFourEyes(
                        "gizmo",
                        """
                        fourEyes:
                          - above: { EUR: "5000.00", USD: "5500.00" }
                            approvals: 2
                          - above: { EUR: "1000.00", USD: "9000.00" }
                            approvals: 1
                          - above: { EUR: "90000.00" }
                            approvals: 3
                          - approvals: 4
                        """));

        assertThat(load().errors())
                .allSatisfy(error ->
                        assertThat(error).contains(file.toString(), "type 'gizmo'", "transition requested -> done"))
                .anySatisfy(error -> assertThat(error)
                        .contains("fourEyes[1]: tiers must be ordered by growing 'approvals', found 1 after 2"))
                .anySatisfy(
                        error -> assertThat(error)
                                .contains(
                                        "fourEyes[1].above.EUR: thresholds must grow from tier to tier, found 1000.00 after 5000.00"))
                .anySatisfy(error -> assertThat(error)
                        .contains("fourEyes[2].above: every tier must list the same currencies as fourEyes[1]"))
                .anySatisfy(
                        error -> assertThat(error).contains("fourEyes[3]: only the first tier may leave out 'above'"))
                .hasSize(4);
    }

    @Test
    void reportsAFourEyesValueThatIsNeitherABooleanNorTiers() throws IOException {
        Path file = write("gizmo.yaml", withFourEyes("gizmo", "fourEyes: sometimes"));

        assertThat(load().errors())
                .singleElement(STRING)
                .contains(
                        file.toString(),
                        "type 'gizmo'",
                        "transition requested -> done",
                        "'fourEyes' must be true, false or a non-empty list of tiers");
    }

    @Test
    void reportsFourEyesOnATimerTransition() throws IOException {
        Path file = write(
                "gizmo.yaml",
                WorkflowYaml.type("gizmo")
                        .stage("requested", "PENDING")
                        .terminal("done", "SUCCESS")
                        .transition("requested", "done", "timer", "after: PT1H", "fourEyes: true")
                        .yaml());

        assertThat(load().errors())
                .singleElement(STRING)
                .contains(
                        file.toString(),
                        "transition requested -> done",
                        "a timer transition cannot require four-eyes approval");
    }

    @Test
    void reportsAMissingOverrideDirectory() {
        Path missing = overrides.resolve("not-there");
        var errors = new ArrayList<String>();

        new WorkflowFileReader().read(missing, errors);

        assertThat(errors).containsExactly(missing + ": workflows directory does not exist");
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private record Loaded(Map<String, WorkflowDefinition> definitions, List<String> errors) {}

    private Loaded load() {
        var errors = new ArrayList<String>();
        var sources = new WorkflowFileReader().read(overrides, errors);
        var definitions = new WorkflowValidator().validate(sources, errors);
        return new Loaded(definitions, errors);
    }

    private static Map<String, WorkflowDefinition> loadShippedOnly() {
        var errors = new ArrayList<String>();
        var definitions = new WorkflowValidator().validate(new WorkflowFileReader().read(null, errors), errors);
        assertThat(errors).isEmpty();
        return definitions;
    }

    private Path write(String fileName, String yaml) throws IOException {
        return Files.writeString(overrides.resolve(fileName), yaml);
    }

    private static String shippedYaml(String type) throws IOException {
        try (InputStream in = WorkflowValidatorTests.class.getResourceAsStream("/workflows/" + type + ".yaml")) {
            return new String(Objects.requireNonNull(in, type).readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** A small workflow whose manual move requested -> done carries the given {@code fourEyes} block. */
    private static String withFourEyes(String type, String fourEyes) {
        return WorkflowYaml.type(type)
                .stage("requested", "PENDING")
                .terminal("done", "SUCCESS")
                .transition("requested", "done", "manual", fourEyes)
                .yaml();
    }

    /** A small valid workflow: requested, then done by the system or rejected by a person. */
    private static String valid(String type) {
        return WorkflowYaml.type(type)
                .description("A gadget assembled on request")
                .stage("requested", "PENDING", "sla: PT1H")
                .terminal("done", "SUCCESS")
                .terminal("rejected", "REJECTED")
                .transition("requested", "done", "system")
                .transition("requested", "rejected", "manual")
                .yaml();
    }
}
