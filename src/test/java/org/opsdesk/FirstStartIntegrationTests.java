package org.opsdesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opsdesk.support.ApiClient;
import org.opsdesk.support.AppProcess;

/**
 * The first start on an empty database, as `mvn spring-boot:run` does it: an admin operator with a generated
 * password and a demo API key, both written to an owner-only file in the data directory (never to the log), and
 * demo operations of every type in every stage, each with a valid history.
 */
class FirstStartIntegrationTests {

    private static final Pattern DEMO_KEY =
            Pattern.compile("demo API key \\(all permissions[^)]*\\): (opk_[A-Za-z0-9_-]+)");
    private static final Pattern ADMIN_PASSWORD = Pattern.compile("admin password: (\\S+)");
    private static final Pattern DEMO_PASSWORD = Pattern.compile("demo operators .* password: (\\S+)");

    @TempDir
    Path temp;

    @Test
    void createsTheAdminTheDemoKeyAndDemoOperationsInEveryStage() throws Exception {
        var environment = new HashMap<String, String>(
                Map.of("OPSDESK_DATA_DIR", temp.resolve("data").toString(), "OPSDESK_DEMO", "true"));
        if (AppProcess.usesExternalDatabase()) {
            environment.put("SPRING_DATASOURCE_URL", AppProcess.freshExternalDatabase("opsdesk_first_start"));
        }
        try (var app = AppProcess.start(environment, temp.resolve("app.log"))) {
            String log = app.log();
            Path file = temp.resolve("data").resolve("first-start-credentials.txt");
            assertThat(log).contains("Generated first-start credentials were written to " + file.toAbsolutePath());
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                    .isEqualTo("rw-------");
            String credentials = Files.readString(file);
            var key = DEMO_KEY.matcher(credentials);
            var adminPassword = ADMIN_PASSWORD.matcher(credentials);
            var demoPassword = DEMO_PASSWORD.matcher(credentials);
            assertThat(key.find()).as("demo key in the file").isTrue();
            assertThat(adminPassword.find()).as("admin password in the file").isTrue();
            assertThat(demoPassword.find())
                    .as("demo operators' password in the file")
                    .isTrue();
            assertThat(log)
                    .as("no secret in the log")
                    .doesNotContain(key.group(1))
                    .doesNotContain(adminPassword.group(1))
                    .doesNotContain(demoPassword.group(1));
            assertThat(log).contains("Opsdesk is up: http://localhost:");
            var api = new ApiClient(app.baseUrl(), key.group(1));

            var workflows = api.get("/api/v1/workflows").json().get("items");
            assertThat(workflows.size()).isEqualTo(18);
            int total = 0;
            for (var workflow : workflows) {
                String type = workflow.get("type").asString();
                var stagesSeen = new HashSet<String>();
                var page = api.get("/api/v1/operations?limit=500&type=" + type).json();
                for (var operation : page.get("items")) {
                    stagesSeen.add(operation.get("stage").asString());
                }
                total += page.get("items").size();
                var stages = new HashSet<String>();
                workflow.get("stages")
                        .forEach(stage -> stages.add(stage.get("code").asString()));
                assertThat(stagesSeen)
                        .as("stages of %s with demo operations", type)
                        .isEqualTo(stages);
                String sample = page.get("items").get(0).get("id").asString();
                assertThat(api.get("/api/v1/operations/" + sample + "/history/verify")
                                .json()
                                .get("valid")
                                .asBoolean())
                        .isTrue();
            }
            assertThat(total).isBetween(200, 1000);

            assertThat(log)
                    .contains("Created demo operators supervisor, operator, cashier, support, compliance, auditor");
            var operators = new HashSet<String>();
            api.get("/api/v1/operators")
                    .json()
                    .get("items")
                    .forEach(o -> operators.add(o.get("username").asString()));
            assertThat(operators)
                    .containsExactlyInAnyOrder(
                            "admin", "supervisor", "operator", "cashier", "support", "compliance", "auditor");
            var roles = new HashSet<String>();
            api.get("/api/v1/roles")
                    .json()
                    .get("items")
                    .forEach(r -> roles.add(r.get("name").asString()));
            assertThat(roles).containsAll(operators);
        }
    }
}
