package org.opsdesk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opsdesk.support.ApiClient;
import org.opsdesk.support.AppProcess;
import org.opsdesk.support.Operations;

/**
 * Opsdesk killed with {@code kill -9} comes back on the same data with every committed change, stops the
 * PostgreSQL server its predecessor left running, fires timers that fell due while it was down, and keeps
 * operations on the workflow version they were created under.
 */
class CrashRecoveryIntegrationTests {

    private static final String KEY = "opk_crash_recovery_tests_key_" + UUID.randomUUID();

    @TempDir
    Path temp;

    @Test
    void comesBackAfterKillMinus9WithEveryCommittedChange() throws Exception {
        Path workflows = Files.createDirectories(temp.resolve("workflows"));
        String probeType =
                "restart_probe_" + UUID.randomUUID().toString().substring(0, 8).replace("-", "");
        writeProbe(workflows, probeType, false);
        Files.writeString(
                workflows.resolve("exchange_order.yaml"),
                Files.readString(Path.of("src/test/resources/workflows-it/exchange_order.yaml")));
        Map<String, String> environment = environment(workflows);

        var committed = new HashMap<String, String>(); // id -> stage
        String unpaidOrder;
        String oldProbe;
        Instant killedAt;
        try (var first = AppProcess.start(environment, temp.resolve("first.log"))) {
            var api = new ApiClient(first.baseUrl(), KEY);
            for (int i = 0; i < 20; i++) {
                String id = api.post(
                                "/api/v1/operations", Operations.withdrawal().json())
                        .json()
                        .get("id")
                        .asString();
                String stage = "requested";
                if (i % 2 == 0) {
                    assertThat(api.post("/api/v1/operations/" + id + "/transitions", "{\"to\":\"under_review\"}")
                                    .status())
                            .isEqualTo(200);
                    stage = "under_review";
                }
                committed.put(id, stage);
            }
            unpaidOrder = api.post(
                            "/api/v1/operations", Operations.exchangeOrder().json())
                    .json()
                    .get("id")
                    .asString();
            oldProbe = api.post("/api/v1/operations", Operations.of(probeType).json())
                    .json()
                    .get("id")
                    .asString();
            if (!AppProcess.usesExternalDatabase()) {
                assertDurableSettings();
            }

            first.kill9();
            killedAt = Instant.now();
        }
        if (!AppProcess.usesExternalDatabase()) {
            assertThat(postmasterPid())
                    .as("the embedded server outlives the killed JVM")
                    .isNotNull();
            assertThat(ProcessHandle.of(postmasterPid()).map(ProcessHandle::isAlive))
                    .contains(true);
        }
        writeProbe(workflows, probeType, true); // the definition changes while the app is down
        Thread.sleep(Math.max(
                0,
                Duration.ofSeconds(3).toMillis()
                        - Duration.between(killedAt, Instant.now()).toMillis()));

        try (var second = AppProcess.start(environment, temp.resolve("second.log"))) {
            var api = new ApiClient(second.baseUrl(), KEY);
            committed.forEach((id, stage) -> {
                var operation = api.get("/api/v1/operations/" + id);
                assertThat(operation.status()).isEqualTo(200);
                assertThat(operation.json().get("stage").asString()).isEqualTo(stage);
                assertThat(api.get("/api/v1/operations/" + id + "/history/verify")
                                .json()
                                .get("valid")
                                .asBoolean())
                        .isTrue();
            });
            assertThat(second.log()).doesNotContain("could not lock", "another server might be running");
            if (!AppProcess.usesExternalDatabase()) {
                assertThat(second.log())
                        .contains("is still running on")
                        .contains("from an earlier Opsdesk process; stopping it");
            }

            // the unpaid order's deadline passed while nobody was running: it expires once, now
            assertThat(awaitStage(api, unpaidOrder, "expired", Duration.ofSeconds(15)))
                    .isEqualTo("expired");
            assertThat(api.get("/api/v1/operations/" + unpaidOrder + "/history")
                            .json()
                            .get("items"))
                    .hasSize(2);

            // the old operation keeps version 1 of its workflow; a new one gets version 2
            var old = api.get("/api/v1/operations/" + oldProbe).json();
            assertThat(old.get("workflowVersion").asInt()).isEqualTo(1);
            assertThat(api.post("/api/v1/operations/" + oldProbe + "/transitions", "{\"to\":\"checked\"}")
                            .status())
                    .as("version 1 has no stage checked")
                    .isEqualTo(422);
            String newProbe = api.post(
                            "/api/v1/operations", Operations.of(probeType).json())
                    .json()
                    .get("id")
                    .asString();
            assertThat(api.get("/api/v1/operations/" + newProbe)
                            .json()
                            .get("workflowVersion")
                            .asInt())
                    .isEqualTo(2);
            assertThat(api.post("/api/v1/operations/" + newProbe + "/transitions", "{\"to\":\"checked\"}")
                            .status())
                    .isEqualTo(200);
            assertThat(api.get("/api/v1/workflows/" + probeType)
                            .json()
                            .get("version")
                            .asInt())
                    .isEqualTo(2);
        }
    }

    @Test
    void refusesToStartWithABrokenDefinitionAndSaysWhere() throws Exception {
        Path workflows = Files.createDirectories(temp.resolve("broken"));
        Files.writeString(
                workflows.resolve("broken_flow.yaml"),
                """
                type: broken_flow
                initialStage: open
                stages:
                  - code: open
                    status: PENDING
                  - code: orphan
                    status: SUCCESS
                    terminal: true
                  - code: done
                    status: DONE
                    terminal: true
                transitions:
                  - from: open
                    to: done
                    trigger: manual
                """);

        var app = AppProcess.launch(environment(workflows), temp.resolve("broken.log"));

        assertThat(app.awaitExit(Duration.ofSeconds(120))).isNotZero();
        assertThat(app.log())
                .contains(
                        "broken_flow.yaml: type 'broken_flow': stage 'orphan': unreachable from the initial stage 'open'")
                .contains("stage 'done': status 'DONE' is not one of PENDING, SUCCESS, ERROR, REJECTED");
    }

    private Map<String, String> environment(Path workflows) {
        return Map.of(
                "OPSDESK_DATA_DIR",
                temp.resolve("data").toString(),
                "OPSDESK_WORKFLOWS_DIR",
                workflows.toString(),
                "OPSDESK_BOOTSTRAP_API_KEY",
                KEY,
                "OPSDESK_ADMIN_PASSWORD",
                "crash-recovery-admin-password",
                "OPSDESK_DEMO",
                "false",
                "OPSDESK_TIMER_POLL_INTERVAL",
                "PT0.2S");
    }

    private static void writeProbe(Path workflows, String type, boolean withCheckedStage) throws Exception {
        String checked = withCheckedStage
                ? """
                  - code: checked
                    status: PENDING
                """
                : "";
        String toChecked = withCheckedStage
                ? """
                  - from: open
                    to: checked
                    trigger: manual
                  - from: checked
                    to: done
                    trigger: manual
                """
                : "";
        Files.writeString(
                workflows.resolve(type + ".yaml"),
                """
                type: %s
                initialStage: open
                stages:
                  - code: open
                    status: PENDING
                %s  - code: done
                    status: SUCCESS
                    terminal: true
                transitions:
                  - from: open
                    to: done
                    trigger: manual
                %s"""
                        .formatted(type, checked, toChecked));
    }

    private void assertDurableSettings() throws Exception {
        List<String> pid = Files.readAllLines(temp.resolve("data/postgres/postmaster.pid"));
        String url = "jdbc:postgresql://localhost:" + pid.get(3).trim() + "/opsdesk";
        try (var connection = DriverManager.getConnection(url, "postgres", "");
                var statement = connection.createStatement()) {
            for (String setting : List.of("fsync", "synchronous_commit", "full_page_writes")) {
                try (var result = statement.executeQuery("show " + setting)) {
                    result.next();
                    assertThat(result.getString(1)).as(setting).isEqualTo("on");
                }
            }
        }
    }

    private Long postmasterPid() throws Exception {
        Path pidFile = temp.resolve("data/postgres/postmaster.pid");
        return Files.exists(pidFile)
                ? Long.parseLong(Files.readAllLines(pidFile).get(0).trim())
                : null;
    }

    private static String awaitStage(ApiClient api, String id, String stage, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String current = api.get("/api/v1/operations/" + id).json().get("stage").asString();
        while (!current.equals(stage) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            current = api.get("/api/v1/operations/" + id).json().get("stage").asString();
        }
        return current;
    }
}
