package org.opsdesk.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.opsdesk.actions.ActionHandler;
import org.opsdesk.actions.ActionTargets;
import org.opsdesk.notifications.ClientPushes;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The registry's action declarations ({@code actions/registry-*.yaml}) follow the shared declaration format
 * (/work/notes/actions-yaml-spec.md) — keys, values, per-type field options, roles, messages in four languages — and
 * every declared action has exactly one handler bean and a target kind served by an {@link ActionTargets} bean, so
 * that merging them with the catalog, which validates them at start, brings no surprise.
 */
class RegistryDeclarationsTests {

    private static final Path ACTIONS = Path.of("src/main/resources/actions");
    private static final Set<String> KEYS = Set.of(
            "id",
            "category",
            "family",
            "target",
            "creates",
            "safeguard",
            "fourEyes",
            "amountField",
            "provider",
            "availableIn",
            "after",
            "roles",
            "reason",
            "input");
    private static final Set<String> CATEGORIES = Set.of(
            "accounts",
            "cards",
            "loans",
            "establishments",
            "exports",
            "triggers",
            "limits",
            "offers",
            "operators",
            "p2p",
            "payments",
            "persons",
            "plans",
            "resources",
            "tags",
            "tariffs",
            "transactions",
            "users",
            "other");
    private static final Set<String> FAMILIES = Set.of("account", "party", "user", "record");
    private static final Set<String> ROLES = Set.of("supervisor", "cashier", "support", "compliance", "auditor");
    private static final Set<String> TYPES = Set.of(
            "text",
            "email",
            "phone",
            "integer",
            "decimal",
            "money",
            "boolean",
            "date",
            "enum",
            "upload",
            "cpf",
            "cnpj",
            "document-number",
            "pix-key");
    /** The target states each kind has (ActionTarget.state), for availableIn. */
    private static final Map<String, Set<String>> STATES = Map.ofEntries(
            Map.entry("account", Set.of("active", "suspended", "cancelled")),
            Map.entry("person", Set.of("active")),
            Map.entry("company", Set.of("active")),
            Map.entry("user", Set.of("active", "blocked")),
            Map.entry("device", Set.of("trusted", "untrusted")),
            Map.entry("pix-key", Set.of("active", "cancelled")),
            Map.entry("sub-account", Set.of("active", "suspended", "cancelled")),
            Map.entry("partner", Set.of("active", "suspended", "cancelled")),
            Map.entry("document", Set.of("active", "suspended", "cancelled")),
            Map.entry("limit-type", Set.of("defined")),
            Map.entry("deleted-record", Set.of("deleted")));

    private static List<JsonNode> declarations;
    private static Map<String, List<ActionHandler>> handlers;
    private static Set<String> targetKinds;

    @BeforeAll
    static void load() throws IOException {
        var yaml = YAMLMapper.builder().build();
        declarations = new ArrayList<>();
        try (Stream<Path> files = Files.list(ACTIONS)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("registry-"))
                    .sorted()
                    .toList()) {
                yaml.readTree(file.toFile()).path("actions").forEach(declarations::add);
            }
        }
        try (var context = new AnnotationConfigApplicationContext(RegistryBeans.class)) {
            handlers = context.getBeansOfType(ActionHandler.class).values().stream()
                    .collect(Collectors.groupingBy(ActionHandler::actionId));
            targetKinds = context.getBeansOfType(ActionTargets.class).values().stream()
                    .map(ActionTargets::kind)
                    .collect(Collectors.toSet());
        }
    }

    /** The registry's beans, on a data source never connected to: building the handlers reads nothing. */
    @Configuration(proxyBeanMethods = false)
    @ComponentScan("org.opsdesk.registry")
    static class RegistryBeans {
        @Bean
        JdbcClient jdbcClient() {
            return JdbcClient.create(new SimpleDriverDataSource());
        }

        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }

        /** notifications' port, outside this scan; building the push handler calls nothing on it. */
        @Bean
        ClientPushes clientPushes() {
            return Mockito.mock(ClientPushes.class);
        }
    }

    @Test
    void declaresTheRecordOnlyActionsOfThisPart() {
        assertThat(ids())
                .contains(
                        "person.create",
                        "company.create",
                        "account.open",
                        "account.suspend",
                        "account.lift-suspension",
                        "account.cancel",
                        "person.update",
                        "account.edit-email",
                        "account.edit-phone",
                        "account.edit-name",
                        "account.edit-monthly-income",
                        "partner.create",
                        "partner.update",
                        "partner.delete",
                        "sub-account.create",
                        "pix-key.create",
                        "pix-key.cancel",
                        "device.delete",
                        "account-user.delete",
                        "user.create",
                        "user.update",
                        "user.reset-trusted-device",
                        "account.set-cash-out-level",
                        "account.set-night-limit-start",
                        "account.send-push",
                        "limit.update",
                        "limit.update-all",
                        "limit.define",
                        "document.upload",
                        "record.restore",
                        "person.delete",
                        "company.delete",
                        "account.delete",
                        "sub-account.delete",
                        "document.delete")
                .doesNotHaveDuplicates();
    }

    @Test
    void everyDeclarationHasTheFormatsKeysAndValues() {
        var defects = new ArrayList<String>();
        for (JsonNode action : declarations) {
            String id = action.path("id").asString("");
            Set<String> keys = new HashSet<>(action.propertyNames());
            keys.removeAll(KEYS);
            check(defects, id, keys.isEmpty(), "unknown keys " + keys);
            check(defects, id, id.matches("[a-z0-9-]+(\\.[a-z0-9-]+)+"), "id is not <entity>.<verb>");
            check(defects, id, CATEGORIES.contains(action.path("category").asString("")), "category");
            check(defects, id, FAMILIES.contains(action.path("family").asString("")), "family");
            String target = action.path("target").asString("");
            check(defects, id, STATES.containsKey(target), "target kind " + target);
            check(defects, id, !action.has("creates") || action.get("creates").isBoolean(), "creates");
            check(
                    defects,
                    id,
                    Set.of("reversible", "irreversible")
                            .contains(action.path("safeguard").asString("")),
                    "safeguard");
            JsonNode fourEyes = action.path("fourEyes");
            check(
                    defects,
                    id,
                    fourEyes.isBoolean() || fourEyes.asString("").equals("handler") || fourEyes.isArray(),
                    "fourEyes");
            check(
                    defects,
                    id,
                    Set.of("none", "required").contains(action.path("provider").asString("none")),
                    "provider");
            check(
                    defects,
                    id,
                    Set.of("required", "optional")
                            .contains(action.path("reason").asString("required")),
                    "reason");
            action.path("availableIn")
                    .forEach(state -> check(
                            defects,
                            id,
                            STATES.getOrDefault(target, Set.of()).contains(state.asString()),
                            "availableIn " + state));
            check(
                    defects,
                    id,
                    action.path("roles").isArray() && !action.path("roles").isEmpty(),
                    "roles");
            action.path("roles").forEach(role -> check(defects, id, ROLES.contains(role.asString()), "role " + role));
            action.path("input").forEach(field -> checkField(defects, id, field));
        }
        assertThat(defects).isEmpty();
    }

    @Test
    void anIrreversibleActionIsOnARecordWithAnIdentifierToType() {
        for (JsonNode action : declarations) {
            if (action.path("safeguard").asString().equals("irreversible")) {
                assertThat(action.path("creates").asBoolean(false))
                        .as(action.path("id").asString())
                        .isFalse();
            }
        }
        assertThat(declared("account.cancel").path("fourEyes").asBoolean()).isTrue();
        assertThat(declared("account.set-cash-out-level").path("fourEyes").asString())
                .isEqualTo("handler");
    }

    @Test
    void everyDeclaredActionHasExactlyOneHandlerAndEveryHandlerADeclaration() {
        for (String id : ids()) {
            assertThat(handlers.getOrDefault(id, List.of()))
                    .as("handlers of " + id)
                    .hasSize(1);
        }
        assertThat(handlers.keySet()).containsExactlyInAnyOrderElementsOf(ids());
    }

    @Test
    void everyTargetKindIsServed() {
        for (JsonNode action : declarations) {
            assertThat(targetKinds)
                    .as(action.path("id").asString())
                    .contains(action.path("target").asString());
        }
    }

    @Test
    void everyActionHasItsTextsInEveryLanguage() throws IOException {
        for (String language : List.of("", "_pt_BR", "_nl", "_pl")) {
            var messages = new Properties();
            try (InputStream in =
                    Files.newInputStream(Path.of("src/main/resources/i18n/registry" + language + ".properties"))) {
                messages.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
            }
            for (JsonNode action : declarations) {
                String id = action.path("id").asString();
                assertThat(messages)
                        .as(language + " " + id)
                        .containsKeys(
                                "action." + id + ".title",
                                "action." + id + ".description",
                                "action.category." + action.path("category").asString());
                action.path("input").forEach(field -> assertThat(messages)
                        .as(language + " " + id)
                        .containsKey(
                                "action." + id + ".field." + field.path("name").asString()));
            }
        }
    }

    private static void checkField(List<String> defects, String id, JsonNode field) {
        String name = field.path("name").asString("");
        String type = field.path("type").asString("");
        String where = id + " field " + name;
        check(defects, where, name.matches("[a-z][a-zA-Z0-9]*"), "name");
        check(defects, where, TYPES.contains(type), "type " + type);
        check(defects, where, field.path("required").isBoolean(), "required");
        Set<String> options = new HashSet<>(field.propertyNames());
        options.removeAll(Set.of("name", "type", "required"));
        Set<String> allowed =
                switch (type) {
                    case "text", "pix-key", "document-number", "email", "phone", "cpf", "cnpj" ->
                        Set.of("minLength", "maxLength", "pattern");
                    case "integer", "decimal" -> Set.of("min", "max");
                    case "money" -> Set.of("min", "max", "currencies");
                    case "enum" -> Set.of("values");
                    case "upload" -> Set.of("maxBytes", "contentTypes");
                    default -> Set.of();
                };
        options.removeAll(allowed);
        check(defects, where, options.isEmpty(), "options not of its type " + options);
        if (type.equals("enum")) {
            check(
                    defects,
                    where,
                    field.path("values").isArray() && !field.path("values").isEmpty(),
                    "values");
        }
        if (field.has("pattern")) {
            java.util.regex.Pattern.compile(field.get("pattern").asString());
        }
        field.path("contentTypes")
                .forEach(t -> check(
                        defects,
                        where,
                        Set.of("application/pdf", "image/png", "image/jpeg").contains(t.asString()),
                        "content type " + t));
    }

    private static void check(List<String> defects, String where, boolean ok, String what) {
        if (!ok) {
            defects.add(where + ": " + what);
        }
    }

    private static List<String> ids() {
        return declarations.stream().map(a -> a.path("id").asString()).toList();
    }

    private static JsonNode declared(String id) {
        Map<String, JsonNode> byId = declarations.stream()
                .collect(
                        Collectors.toMap(a -> a.path("id").asString(), Function.identity(), (a, b) -> a, HashMap::new));
        return byId.get(id);
    }
}
