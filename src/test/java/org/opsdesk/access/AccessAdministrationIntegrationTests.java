package org.opsdesk.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opsdesk.access.operators.OperatorActors;
import org.opsdesk.access.operators.OperatorAdministration;
import org.opsdesk.access.operators.OperatorStore;
import org.opsdesk.exports.ExportPermissions;
import org.opsdesk.support.ApiClient;
import org.opsdesk.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** Roles, operators, API keys and the security log through the administration API. */
class AccessAdministrationIntegrationTests extends IntegrationTest {

    private static final String GOOD_PASSWORD = "correct-zebra-staple-42";

    @Autowired
    OperatorAdministration operatorAdministration;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    OperatorStore operatorStore;

    @Autowired
    OperatorActors operatorActors;

    @Test
    void catalogListsAdministrativeAndPerTypePermissionsWithDescriptions() {
        var response = api().get("/api/v1/permissions");
        assertThat(response.status()).isEqualTo(200);
        var names = new ArrayList<String>();
        response.json().get("items").forEach(p -> {
            assertThat(p.get("description").asString()).isNotBlank();
            names.add(p.get("name").asString());
        });
        assertThat(names)
                .contains(
                        "operators:manage",
                        "roles:manage",
                        "apikeys:manage",
                        "webhooks:manage",
                        "workflows:view",
                        "exports:run",
                        "audit:view",
                        "withdrawal:view",
                        "withdrawal:create",
                        "withdrawal:approve",
                        "withdrawal:notify",
                        "withdrawal:transition:approved",
                        "withdrawal:transition:sent:override");
    }

    @Test
    void aDatabaseSeededByAnEarlierVersionGetsMfaRequiredOnThoseRolesFromItsMigration() throws IOException {
        var roles = List.of("operator", "cashier", "compliance", "auditor");
        jdbc.sql("update access.role set mfa_required = false where built_in and name in (:roles)")
                .param("roles", roles)
                .update(); // as the seed of earlier versions left them

        jdbc.sql(Files.readString(
                        Path.of("src/main/resources/db/migration/access/V2026120711__built_in_roles_require_mfa.sql")))
                .update();

        for (String role : roles) {
            assertThat(role(role).get("mfaRequired").asBoolean()).as(role).isTrue();
        }
        assertThat(role("support").get("mfaRequired").asBoolean()).isFalse();
    }

    @Test
    void rolesAndKeysThatHeldAuditViewKeepSeeingEveryonesExportsThroughTheirMigration() throws IOException {
        String reader = "audit-reader-" + UUID.randomUUID().toString().substring(0, 8);
        String other = "other-" + UUID.randomUUID().toString().substring(0, 8);
        for (var role : List.of(List.of(reader, "audit:view"), List.of(other, "deposit:view"))) {
            jdbc.sql("insert into access.role (name, description, permissions, mfa_required, built_in, created_at,"
                            + " updated_at) values (?, 'as an earlier version left it', ?, false, false, now(), now())")
                    .params(role.get(0), new String[] {role.get(1)})
                    .update();
        }

        jdbc.sql(
                        Files.readString(
                                Path.of(
                                        "src/main/resources/db/migration/access/V2026120775__grant_exports_audit_to_audit_viewers.sql")))
                .update();

        assertThat(strings(role(reader).get("permissions")))
                .containsExactlyInAnyOrder("audit:view", ExportPermissions.AUDIT);
        assertThat(strings(role(other).get("permissions"))).containsExactly("deposit:view");
        assertThat(strings(role("auditor").get("permissions")))
                .as("the built-in roles get it from the exports module's definition")
                .contains(ExportPermissions.AUDIT);
    }

    @Test
    void seedsTheBuiltInRolesWithMfaForEveryRoleThatApprovesMovesMoneyExportsOrAuditsAndAReadOnlyAuditor() {
        var roles = api().get("/api/v1/roles").json().get("items");
        var names = new ArrayList<String>();
        roles.forEach(role -> names.add(role.get("name").asString()));
        assertThat(names).contains("admin", "supervisor", "operator", "cashier", "support", "compliance", "auditor");
        assertThat(role("admin").get("mfaRequired").asBoolean()).isTrue();
        assertThat(role("supervisor").get("mfaRequired").asBoolean()).isTrue();
        // every role that approves, moves money, exports or reads the security log; support only works tickets
        for (String role : List.of("operator", "cashier", "compliance", "auditor")) {
            assertThat(role(role).get("mfaRequired").asBoolean()).as(role).isTrue();
        }
        assertThat(role("support").get("mfaRequired").asBoolean()).isFalse();
        var auditor = strings(role("auditor").get("permissions"));
        assertThat(auditor).contains("withdrawal:view", "audit:view", "exports:run");
        assertThat(auditor)
                .noneMatch(p -> p.matches(".*:(create|update|manage|assign|claim|approve|notify)$")
                        || p.contains(":transition"));
        assertThat(strings(role("cashier").get("permissions")))
                .contains("withdrawal:view", "withdrawal:transition:cancelled", "deposit:notify")
                .doesNotContain("kyc_verification:view", "withdrawal:transition:sent:override");
        assertThat(strings(role("support").get("permissions")))
                .as("support sends the notifications of the tickets it works, not of the deposits it reads")
                .contains("support_ticket:notify", "deposit:view")
                .doesNotContain("deposit:notify");
    }

    @Test
    void givesTheDeskRolesOfAnOlderDatabaseNotifyForTheTypesTheyWorkOnly() throws Exception {
        String migration = java.nio.file.Files.readString(
                java.nio.file.Path.of("src/main/resources/db/migration/access/V2026112242__built_in_roles_notify.sql"));
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            tx.setRollbackOnly(); // the seeded roles stay as they are for the other tests
            jdbc.sql(
                            """
                            update access.role set permissions = array(
                                select p from unnest(permissions) p where p not like '%:notify')
                            where built_in""")
                    .update();

            jdbc.sql(migration).update();
            jdbc.sql(migration).update();

            var cashier = permissions("cashier");
            assertThat(cashier).contains("deposit:notify", "withdrawal:notify").doesNotContain("support_ticket:notify");
            assertThat(cashier.stream().filter("deposit:notify"::equals))
                    .as("added once")
                    .hasSize(1);
            assertThat(permissions("support")).contains("support_ticket:notify").doesNotContain("deposit:notify");
            assertThat(permissions("auditor")).noneMatch(p -> p.endsWith(":notify"));
        });
        assertThat(strings(role("cashier").get("permissions"))).contains("deposit:notify");
    }

    private List<String> permissions(String role) {
        return jdbc.sql("select unnest(permissions) from access.role where name = ?")
                .param(role)
                .query(String.class)
                .list();
    }

    @Test
    void createsEditsAndDeletesARoleAndLogsEachChange() {
        String name = "desk-" + shortId();
        var created = api().post(
                        "/api/v1/roles",
                        """
                        {"name":"%s","description":"night desk","permissions":["deposit:view","deposit:create"],"mfaRequired":false}"""
                                .formatted(name));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("location")).isEqualTo("/api/v1/roles/" + name);
        assertThat(strings(created.json().get("permissions"))).containsExactly("deposit:create", "deposit:view");

        var updated = api().put(
                        "/api/v1/roles/" + name,
                        """
                        {"description":"night desk","permissions":["deposit:view"],"mfaRequired":true}""");
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().get("mfaRequired").asBoolean()).isTrue();
        assertThat(strings(api().get("/api/v1/roles/" + name).json().get("permissions")))
                .containsExactly("deposit:view");

        assertThat(api().delete("/api/v1/roles/" + name).status()).isEqualTo(204);
        assertThat(api().get("/api/v1/roles/" + name).status()).isEqualTo(404);

        var log = api().get("/api/v1/audit/security?target=role:" + name).json().get("items");
        var kinds = new ArrayList<String>();
        log.forEach(event -> {
            kinds.add(event.get("kind").asString());
            assertThat(event.get("actorKind").asString()).isEqualTo("api_key");
            assertThat(event.get("ip").asString()).isEqualTo("127.0.0.1");
        });
        assertThat(kinds).containsExactly("role_deleted", "role_updated", "role_created");
        assertThat(log.get(1).get("details").get("permissionsBefore").size()).isEqualTo(2);
    }

    @Test
    void refusesUnknownPermissionsAndBadRoleNamesWithTheField() {
        var unknown = api().post(
                        "/api/v1/roles",
                        """
                        {"name":"bad-%s","permissions":["withdrawal:fly"]}"""
                                .formatted(shortId()));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(unknown.json().get("errors").get(0).get("field").asString()).isEqualTo("permissions");
        assertThat(unknown.body()).contains("withdrawal:fly");

        var badName = api().post("/api/v1/roles", """
                {"name":"Has Spaces","permissions":[]}""");
        assertThat(badName.status()).isEqualTo(422);
        assertThat(badName.body()).contains("name");
    }

    @Test
    void nobodyGrantsAPermissionTheyDoNotHold() {
        var manager = apiWith("roles:manage", "roles:view", "withdrawal:view");
        var escalation = manager.post(
                "/api/v1/roles",
                """
                {"name":"esc-%s","permissions":["withdrawal:view","withdrawal:create"]}"""
                        .formatted(shortId()));
        assertThat(escalation.status()).isEqualTo(403);
        assertThat(escalation.json().get("type").asString()).endsWith("escalation-refused");
        assertThat(strings(escalation.json().get("permissions"))).containsExactly("withdrawal:create");

        var wildcard = manager.post(
                "/api/v1/roles",
                """
                {"name":"wild-%s","permissions":["withdrawal:*"]}""".formatted(shortId()));
        assertThat(wildcard.status()).isEqualTo(403);

        var held = manager.post(
                "/api/v1/roles",
                """
                {"name":"ok-%s","permissions":["withdrawal:view"]}""".formatted(shortId()));
        assertThat(held.status()).isEqualTo(201);

        // a role holding more than the manager cannot be edited (not even to remove things) or deleted by them
        var editCashier =
                manager.put("/api/v1/roles/cashier", """
                {"permissions":["withdrawal:view"]}""");
        assertThat(editCashier.status()).isEqualTo(403);

        var keyManager = apiWith("apikeys:manage", "withdrawal:view");
        var keyEscalation =
                keyManager.post("/api/v1/api-keys", """
                {"name":"too much","permissions":["*"]}""");
        assertThat(keyEscalation.status()).isEqualTo(403);
        assertThat(keyEscalation.json().get("type").asString()).endsWith("escalation-refused");

        var operatorManager = apiWith("operators:manage", "operators:view", "support_ticket:view");
        var giveAdmin = operatorManager.post("/api/v1/operators", operatorJson("esc" + shortId(), "admin"));
        assertThat(giveAdmin.status()).isEqualTo(403);
        assertThat(operatorManager.post("/api/v1/operators/admin/disable", "").status())
                .as("an operator holding more than the manager cannot be managed by them")
                .isEqualTo(403);
    }

    @Test
    void protectsTheAdminRoleBuiltInsAndRolesInUse() {
        var editAdmin = api().put("/api/v1/roles/admin", """
                {"permissions":["withdrawal:view"]}""");
        assertThat(editAdmin.status()).isEqualTo(409);
        assertThat(editAdmin.json().get("type").asString()).endsWith("role-locked");

        assertThat(api().delete("/api/v1/roles/auditor").status()).isEqualTo(409);

        String name = "used-" + shortId();
        api().post(
                        "/api/v1/roles",
                        """
                {"name":"%s","permissions":["deposit:view"]}""".formatted(name));
        String username = "user" + shortId();
        assertThat(api().post("/api/v1/operators", operatorJson(username, name)).status())
                .isEqualTo(201);
        var inUse = api().delete("/api/v1/roles/" + name);
        assertThat(inUse.status()).isEqualTo(409);
        assertThat(inUse.json().get("operators").asLong()).isEqualTo(1);
    }

    @Test
    void administersAnOperatorFromCreationToSoftDeletion() {
        String username = "ana." + shortId();
        var created = api().post("/api/v1/operators", operatorJson(username, "cashier"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body()).doesNotContain(GOOD_PASSWORD).doesNotContainIgnoringCase("hash");
        assertThat(created.json().get("roles").get(0).asString()).isEqualTo("cashier");
        assertThat(created.json().get("locale").asString()).isEqualTo("pt-BR");
        assertThat(created.json().get("enabled").asBoolean()).isTrue();
        String hash = passwordHash(username);
        assertThat(hash).startsWith("{argon2}$argon2id$");

        var updated = api().put(
                        "/api/v1/operators/" + username,
                        """
                {"displayName":"Ana Lima","phone":"+351912345678","roles":["cashier","support"],"locale":"nl"}""");
        assertThat(updated.status()).isEqualTo(200);
        assertThat(strings(updated.json().get("roles"))).containsExactly("cashier", "support");
        assertThat(updated.json().get("phone").asString()).isEqualTo("+351912345678");

        var disabled = api().post("/api/v1/operators/" + username + "/disable", "");
        assertThat(disabled.json().get("enabled").asBoolean()).isFalse();
        assertThat(sessionsValidAfter(username)).isNotNull();
        assertThat(api().post("/api/v1/operators/" + username + "/enable", "")
                        .json()
                        .get("enabled")
                        .asBoolean())
                .isTrue();

        var reset = api().post("/api/v1/operators/" + username + "/reset-password", "");
        assertThat(reset.status()).isEqualTo(200);
        String temporary = reset.json().get("temporaryPassword").asString();
        assertThat(temporary).hasSizeGreaterThanOrEqualTo(12);
        assertThat(passwordHash(username)).isNotEqualTo(hash);
        assertThat(api().get("/api/v1/operators/" + username).body()).doesNotContain(temporary);

        var chosen = api().post(
                        "/api/v1/operators/" + username + "/reset-password",
                        """
                {"password":"another-long-passphrase-7"}""");
        assertThat(chosen.json().get("temporaryPassword").isNull()).isTrue();

        assertThat(api().post("/api/v1/operators/" + username + "/reset-mfa", "")
                        .json()
                        .get("mfaEnabled")
                        .asBoolean())
                .isFalse();

        assertThat(api().delete("/api/v1/operators/" + username).status()).isEqualTo(204);
        var deleted = api().get("/api/v1/operators/" + username).json();
        assertThat(deleted.get("deleted").asBoolean()).isTrue();
        assertThat(deleted.get("displayName").asString()).isEqualTo("Ana Lima");
        assertThat(api().post("/api/v1/operators", operatorJson(username, "cashier"))
                        .status())
                .as("a deleted operator's username stays taken")
                .isEqualTo(409);
        assertThat(api().post("/api/v1/operators/" + username + "/enable", "").status())
                .isEqualTo(404);

        var kinds = new ArrayList<String>();
        api().get("/api/v1/audit/security?target=operator:" + username)
                .json()
                .get("items")
                .forEach(e -> kinds.add(e.get("kind").asString()));
        assertThat(kinds)
                .containsExactly(
                        "operator_deleted",
                        "mfa_reset",
                        "password_reset",
                        "password_reset",
                        "operator_enabled",
                        "operator_disabled",
                        "operator_updated",
                        "operator_created");
    }

    @Test
    void appliesThePasswordPolicy() {
        String username = "policy" + shortId();
        for (String password : List.of("short-pass", username + "-extra-long", "password1234", "aaaaaaaaaaaaaaaaaa")) {
            var refused = api().post(
                            "/api/v1/operators",
                            """
                            {"username":"%s","displayName":"P","password":"%s","roles":["support"]}"""
                                    .formatted(username, password));
            assertThat(refused.status()).as(password).isEqualTo(422);
            assertThat(refused.json().get("errors").get(0).get("field").asString())
                    .isEqualTo("password");
        }
        var badFields = api().post(
                        "/api/v1/operators",
                        """
                {"username":"X","displayName":"","email":"nope","phone":"12","password":"%s","roles":[],"locale":"fr"}"""
                                .formatted(GOOD_PASSWORD));
        assertThat(badFields.status()).isEqualTo(422);
        var fields = new ArrayList<String>();
        badFields.json().get("errors").forEach(e -> fields.add(e.get("field").asString()));
        assertThat(fields).contains("username", "displayName", "email", "phone", "roles", "locale");
        var unknownRole = api().post("/api/v1/operators", operatorJson("r" + shortId(), "no-such-role"));
        assertThat(unknownRole.status()).isEqualTo(422);
        assertThat(unknownRole.body()).contains("no-such-role");
    }

    @Test
    void keepsTheLastActiveAdministratorAndRefusesSelfServiceEscalation() {
        String second = "admin2" + shortId();
        assertThat(api().post("/api/v1/operators", operatorJson(second, "admin"))
                        .status())
                .isEqualTo(201);
        var secondAdmin = operatorActors.actorFor(operatorStore.find(second).orElseThrow());

        assertThatThrownBy(() -> operatorAdministration.update(
                        second,
                        new OperatorAdministration.OperatorDraft(null, null, null, null, List.of("auditor")),
                        secondAdmin))
                .isInstanceOf(EscalationRefused.class)
                .hasMessageContaining("your own roles");
        assertThatThrownBy(() -> operatorAdministration.disable(second, secondAdmin))
                .isInstanceOf(EscalationRefused.class)
                .hasMessageContaining("yourself");

        // other tests sharing this database may have made admins too: all but 'second' step aside for a moment
        List<String> others = jdbc.sql("select username from access.operator where enabled and deleted_at is null"
                        + " and 'admin' = any(roles) and username <> ?")
                .param(second)
                .query(String.class)
                .list();
        others.forEach(other -> assertThat(api().post("/api/v1/operators/" + other + "/disable", "")
                        .status())
                .isEqualTo(200));
        var last = api().post("/api/v1/operators/" + second + "/disable", "");
        assertThat(last.status()).isEqualTo(409);
        assertThat(last.json().get("type").asString()).endsWith("last-admin");
        var demote = api().put("/api/v1/operators/" + second, """
                {"roles":["auditor"]}""");
        assertThat(demote.status()).isEqualTo(409);
        assertThat(api().delete("/api/v1/operators/" + second).status()).isEqualTo(409);

        others.forEach(other -> assertThat(
                        api().post("/api/v1/operators/" + other + "/enable", "").status())
                .isEqualTo(200));
        assertThat(api().post("/api/v1/operators/" + second + "/disable", "").status())
                .isEqualTo(200);
    }

    @Test
    void showsAKeySecretOnceAndRevokesItForTheNextRequest() {
        var created = api().post(
                        "/api/v1/api-keys",
                        """
                {"name":"payments gateway","permissions":["withdrawal:view","deposit:view"],"expiresAt":"%s"}"""
                                .formatted(Instant.now().plus(java.time.Duration.ofDays(30))));
        assertThat(created.status()).isEqualTo(201);
        String secret = created.json().get("secret").asString();
        String id = created.json().get("id").asString();
        assertThat(secret).startsWith("opk_").hasSizeGreaterThanOrEqualTo(47);
        assertThat(keySecretHashMatches(id, secret)).isTrue();

        var key = api().withKey(secret);
        assertThat(key.get("/api/v1/operations?type=withdrawal").status()).isEqualTo(200);
        assertThat(key.get("/api/v1/operations?type=loan").json().get("items").size())
                .isZero();
        assertThat(key.get("/api/v1/roles").status()).isEqualTo(403);

        var read = api().get("/api/v1/api-keys/" + id);
        assertThat(read.body()).doesNotContain(secret);
        assertThat(read.json().get("lastUsedIp").asString()).isEqualTo("127.0.0.1");
        assertThat(read.json().get("state").asString()).isEqualTo("active");
        assertThat(api().get("/api/v1/api-keys?limit=500").body())
                .doesNotContain(secret)
                .contains(id);

        assertThat(api().delete("/api/v1/api-keys/" + id).json().get("state").asString())
                .isEqualTo("revoked");
        var afterRevoke = key.get("/api/v1/operations?type=withdrawal");
        assertThat(afterRevoke.status()).isEqualTo(401);
        assertThat(afterRevoke.contentType()).startsWith("application/problem+json");

        var log =
                api().get("/api/v1/audit/security?target=api_key:" + id).json().get("items");
        assertThat(log.get(0).get("kind").asString()).isEqualTo("api_key_revoked");
        assertThat(log.get(1).get("kind").asString()).isEqualTo("api_key_created");
    }

    @Test
    void aRevocationOnAnotherNodeReachesThisNodesKeyCache() throws Exception {
        var created = api().post(
                        "/api/v1/api-keys",
                        """
                        {"name":"elsewhere","permissions":["deposit:view"]}""")
                .json();
        String id = created.get("id").asString();
        var key = api().withKey(created.get("secret").asString());
        assertThat(key.get("/api/v1/operations?type=deposit&limit=1").status()).isEqualTo(200);

        // another node revokes: its transaction updates the row and notifies, as ApiKeyAdministration does
        jdbc.sql("update access.api_key set revoked_at = now() where id = ?::uuid")
                .param(id)
                .update();
        jdbc.sql("select pg_notify('opsdesk_api_key_revoked', ?)")
                .param(id)
                .query()
                .singleRow();

        await().atMost(java.time.Duration.ofSeconds(2))
                .pollInterval(java.time.Duration.ofMillis(20))
                .untilAsserted(() -> assertThat(key.get("/api/v1/operations?type=deposit&limit=1")
                                .status())
                        .as("the revoked key is refused once the notification arrives")
                        .isEqualTo(401));
    }

    @Test
    void refusesAnExpiredKeyAndAnExpiryInThePast() throws Exception {
        var past = api().post(
                        "/api/v1/api-keys",
                        """
                {"name":"old","permissions":["deposit:view"],"expiresAt":"2020-01-01T00:00:00Z"}""");
        assertThat(past.status()).isEqualTo(422);
        assertThat(past.json().get("errors").get(0).get("field").asString()).isEqualTo("expiresAt");

        Instant expiry = clock().instant().plus(java.time.Duration.ofHours(1));
        var soon = api().post(
                        "/api/v1/api-keys",
                        """
                        {"name":"short-lived","permissions":["deposit:view"],"expiresAt":"%s"}"""
                                .formatted(expiry))
                .json();
        var key = api().withKey(soon.get("secret").asString());
        assertThat(key.get("/api/v1/operations?type=deposit").status()).isEqualTo(200);
        clock().advance(java.time.Duration.between(clock().instant(), expiry).plusMillis(100)); // its expiry passes
        assertThat(key.get("/api/v1/operations?type=deposit").status())
                .as("expired: refused even though this node looked the key up moments ago")
                .isEqualTo(401);
        assertThat(api().get("/api/v1/api-keys/" + soon.get("id").asString())
                        .json()
                        .get("state")
                        .asString())
                .isEqualTo("expired");
    }

    @Test
    void limitsEachKeyToItsRateWith429AndRetryAfter() {
        var created = api().post(
                        "/api/v1/api-keys",
                        """
                        {"name":"slow","permissions":["deposit:view"],"rateLimitPerSecond":1}""")
                .json();
        var key = api().withKey(created.get("secret").asString());
        var statuses = new ArrayList<Integer>();
        ApiClient.Response refused = null;
        for (int i = 0; i < 6; i++) {
            var response = key.get("/api/v1/operations?type=deposit&limit=1");
            statuses.add(response.status());
            if (response.status() == 429) {
                refused = response;
            }
        }
        assertThat(statuses.subList(0, 2)).containsOnly(200);
        assertThat(statuses).contains(429);
        assertThat(Integer.parseInt(refused.header("retry-after"))).isBetween(1, 2);
        assertThat(refused.json().get("type").asString()).endsWith("rate-limited");
        assertThat(api().get("/api/v1/operations?type=deposit&limit=1").status())
                .as("other keys are not affected")
                .isEqualTo(200);
        var logged = api().get("/api/v1/audit/security?kind=api_key_rate_limited&target=api_key:"
                        + created.get("id").asString())
                .json()
                .get("items");
        assertThat(logged.size()).isEqualTo(1);
    }

    @Test
    void securityLogIsFilteredPagedReadOnlyAndForAuditorsOnly() {
        for (int i = 0; i < 3; i++) {
            api().post(
                            "/api/v1/roles",
                            """
                    {"name":"page-%s","permissions":["deposit:view"]}"""
                                    .formatted(shortId()));
        }
        var first = api().get("/api/v1/audit/security?kind=role_created&limit=2");
        assertThat(first.json().get("items").size()).isEqualTo(2);
        String cursor = first.json().get("nextCursor").asString();
        var second = api().get("/api/v1/audit/security?kind=role_created&limit=2&cursor=" + cursor);
        assertThat(second.json().get("items").get(0).get("id").asLong())
                .isLessThan(first.json().get("items").get(1).get("id").asLong());
        assertThat(api().get("/api/v1/audit/security?from=nonsense").status()).isEqualTo(422);
        assertThat(api().get("/api/v1/audit/security?cursor=nonsense").status()).isEqualTo(422);

        assertThat(apiWith("withdrawal:view").get("/api/v1/audit/security").status())
                .isEqualTo(403);
        assertThat(apiWith("audit:view").get("/api/v1/audit/security?limit=1").status())
                .isEqualTo(200);

        assertThatThrownBy(() ->
                        jdbc.sql("update access.security_event set kind = 'x'").update())
                .hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from access.security_event").update())
                .hasStackTraceContaining("append-only");
    }

    private JsonNode role(String name) {
        return api().get("/api/v1/roles/" + name).json();
    }

    private static String operatorJson(String username, String role) {
        return """
                {"username":"%s","displayName":"Test %s","email":"%s@example.com","password":"%s","roles":["%s"],"locale":"pt-BR"}"""
                .formatted(username, username, username, GOOD_PASSWORD, role);
    }

    private String passwordHash(String username) {
        return jdbc.sql("select password_hash from access.operator where username = ?")
                .param(username)
                .query(String.class)
                .single();
    }

    private Object sessionsValidAfter(String username) {
        return jdbc.sql("select sessions_valid_after from access.operator where username = ?")
                .param(username)
                .query()
                .singleValue();
    }

    private boolean keySecretHashMatches(String id, String secret) {
        return jdbc.sql("select secret_hash = sha256(convert_to(?, 'UTF8')) from access.api_key where id = ?::uuid")
                .params(secret, id)
                .query(Boolean.class)
                .single();
    }

    private static List<String> strings(JsonNode array) {
        var values = new ArrayList<String>();
        array.forEach(v -> values.add(v.asString()));
        return values;
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
