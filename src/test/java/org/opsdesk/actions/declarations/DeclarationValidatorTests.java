package org.opsdesk.actions.declarations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opsdesk.actions.ActionDefinition;
import org.opsdesk.shared.Currencies;
import org.opsdesk.shared.YamlFileSet;

/** The declarations' validation: each refusal says where and why; the shipped declarations load. */
class DeclarationValidatorTests {

    @TempDir
    Path directory;

    private static final String VALID =
            """
            actions:
              - id: widget.suspend
                category: other
                family: account
                target: widget
                availableIn: [active]
                roles: [supervisor]
                input:
                  - name: until
                    type: date
            """;

    private record Loaded(Map<String, ActionDefinition> definitions, List<String> errors) {}

    private Loaded load(String yaml, Set<String> handlers) throws IOException {
        Files.writeString(directory.resolve("test.yaml"), yaml);
        var errors = new ArrayList<String>();
        var files = YamlFileSet.read("classpath*:actions/*.yaml", directory, ActionFile.class, "actions", errors);
        var kinds = new java.util.HashSet<>(SHIPPED_KINDS);
        kinds.add("widget");
        var handled = new java.util.HashSet<>(SHIPPED_HANDLERS);
        handled.addAll(handlers);
        var definitions = new DeclarationValidator(new Currencies(Map.of()), kinds, handled).validate(files, errors);
        return new Loaded(definitions, errors);
    }

    /** The shipped declarations' entries: the record modules' kinds and handlers are there in the application. */
    private static List<ActionFile.Entry> shippedEntries() {
        var errors = new ArrayList<String>();
        var files = YamlFileSet.read("classpath*:actions/*.yaml", null, ActionFile.class, "actions", errors);
        return files.stream().flatMap(f -> f.content().actions().stream()).toList();
    }

    private static final Set<String> SHIPPED_KINDS = shippedEntries().stream()
            .map(ActionFile.Entry::target)
            .filter(java.util.Objects::nonNull)
            .collect(java.util.stream.Collectors.toSet());

    private static final Set<String> SHIPPED_HANDLERS = shippedEntries().stream()
            .filter(e -> e.endpoint() == null)
            .map(ActionFile.Entry::id)
            .filter(java.util.Objects::nonNull)
            .collect(java.util.stream.Collectors.toSet());

    private List<String> errorsOf(String yaml) throws IOException {
        return load(yaml, Set.of("widget.suspend")).errors();
    }

    @Test
    void loadsAValidDeclarationBesideTheShippedEndpointEntries() throws IOException {
        var loaded = load(VALID, Set.of("widget.suspend"));
        assertThat(loaded.errors()).isEmpty();
        var suspend = loaded.definitions().get("widget.suspend");
        assertThat(suspend.permission()).isEqualTo("action:widget.suspend");
        assertThat(suspend.operationType()).hasValue("account_action");
        assertThat(suspend.reasonRequired()).isTrue();
        assertThat(suspend.irreversible()).isFalse();
        assertThat(loaded.definitions().get("operator.create").endpoint())
                .isEqualTo(new ActionDefinition.Endpoint("POST", "/api/v1/operators"));
    }

    @Test
    void refusesUnknownKeys() throws IOException {
        assertThat(errorsOf(VALID.replace("    roles: [supervisor]\n", "    roles: [supervisor]\n    colour: red\n")))
                .anySatisfy(e -> assertThat(e).contains("colour"));
    }

    @Test
    void refusesABadIdUnknownCategoryAndFamily() throws IOException {
        assertThat(errorsOf(VALID.replace("widget.suspend", "Widget Suspend")))
                .anySatisfy(e -> assertThat(e).contains(".id: must be <entity>.<verb>"));
        assertThat(errorsOf(VALID.replace("category: other", "category: gadgets")))
                .anySatisfy(e -> assertThat(e).contains(".category: must be one of"));
        assertThat(errorsOf(VALID.replace("family: account", "family: card")))
                .anySatisfy(e -> assertThat(e).contains(".family: must be one of"));
    }

    @Test
    void refusesATargetKindNoBeanServes() throws IOException {
        assertThat(errorsOf(VALID.replace("target: widget", "target: gadget")))
                .anySatisfy(e -> assertThat(e).contains("no ActionTargets bean serves the kind 'gadget'"));
    }

    @Test
    void refusesADeclarationWithoutAHandlerAndAHandlerWithoutADeclaration() throws IOException {
        assertThat(load(VALID, Set.of()).errors())
                .anySatisfy(e -> assertThat(e).contains("no ActionHandler bean implements 'widget.suspend'"));
        assertThat(load(VALID, Set.of("widget.suspend", "widget.orphan")).errors())
                .anySatisfy(e -> assertThat(e).contains("'widget.orphan', which no actions/*.yaml declares"));
    }

    @Test
    void refusesDuplicateIds() throws IOException {
        String twice = VALID + VALID.substring(VALID.indexOf("  - id"));
        assertThat(errorsOf(twice)).anySatisfy(e -> assertThat(e).contains("'widget.suspend' is declared twice"));
    }

    @Test
    void refusesUnknownFieldTypesAndOptionsOfOtherTypes() throws IOException {
        assertThat(errorsOf(VALID.replace("type: date", "type: colour")))
                .anySatisfy(e -> assertThat(e).contains(".type: must be one of"));
        assertThat(errorsOf(VALID.replace("type: date", "type: date\n        maxLength: 3")))
                .anySatisfy(e -> assertThat(e).contains("maxLength: applies only to text types"));
        assertThat(errorsOf(VALID.replace("type: date", "type: enum")))
                .anySatisfy(e -> assertThat(e).contains("an enum needs a list of distinct values"));
        assertThat(errorsOf(VALID.replace("type: date", "type: upload\n        contentTypes: [text/html]")))
                .anySatisfy(e -> assertThat(e).contains("'text/html' is not one of"));
        assertThat(errorsOf(VALID.replace("type: date", "type: text\n        pattern: \"[a-\"")))
                .anySatisfy(e -> assertThat(e).contains("not a regular expression"));
    }

    @Test
    void refusesBadFourEyesTiersAndAnAmountFieldThatIsNotMoney() throws IOException {
        String tiers = VALID.replace(
                "    roles: [supervisor]\n",
                "    roles: [supervisor]\n    amountField: until\n    fourEyes:\n      - above: { BRL: \"1000.001\" }\n"
                        + "        approvals: 1\n");
        var errors = errorsOf(tiers);
        assertThat(errors).anySatisfy(e -> assertThat(e).contains("amountField: 'until' is not a money field"));
        assertThat(errors).anySatisfy(e -> assertThat(e).contains("BRL amounts have at most 2 decimals"));
        assertThat(errorsOf(
                        VALID.replace("    roles: [supervisor]\n", "    roles: [supervisor]\n    fourEyes: often\n")))
                .anySatisfy(e -> assertThat(e).contains("'fourEyes' must be true, false or a non-empty list"));
        assertThat(
                        errorsOf(
                                VALID.replace(
                                        "    roles: [supervisor]\n",
                                        "    roles: [supervisor]\n    fourEyes:\n      - above: { BRL: \"10.00\" }\n        approvals: 1\n")))
                .anySatisfy(e -> assertThat(e).contains("name the money field in 'amountField'"));
    }

    @Test
    void acceptsFourEyesByTheHandlerAndTiersOnAMoneyField() throws IOException {
        String yaml = VALID.replace("type: date", "type: money\n        currencies: [BRL]")
                .replace(
                        "    roles: [supervisor]\n",
                        "    roles: [supervisor]\n    amountField: until\n    fourEyes:\n"
                                + "      - above: { BRL: \"1000.00\" }\n        approvals: 1\n");
        var loaded = load(yaml, Set.of("widget.suspend"));
        assertThat(loaded.errors()).isEmpty();
        assertThat(loaded.definitions().get("widget.suspend").fourEyes().tiers())
                .hasSize(1);
        var byHandler = load(
                VALID.replace("    roles: [supervisor]\n", "    roles: [supervisor]\n    fourEyes: handler\n"),
                Set.of("widget.suspend"));
        assertThat(byHandler.errors()).isEmpty();
        assertThat(byHandler.definitions().get("widget.suspend").fourEyesByHandler())
                .isTrue();
    }

    @Test
    void refusesBadSafeguardProviderAndReason() throws IOException {
        String yaml = VALID.replace(
                "    roles: [supervisor]\n",
                "    roles: [supervisor]\n    safeguard: careful\n    provider: maybe\n    reason: never\n");
        assertThat(errorsOf(yaml))
                .anySatisfy(e -> assertThat(e).contains(".safeguard: must be 'reversible' or 'irreversible'"))
                .anySatisfy(e -> assertThat(e).contains(".provider: must be 'none' or 'required'"))
                .anySatisfy(e -> assertThat(e).contains(".reason: must be 'required' or 'optional'"));
    }

    @Test
    void refusesAnEndpointEntryThatDeclaresMoreOrNamesNoPermission() throws IOException {
        String endpoint =
                """
                actions:
                  - id: thing.list
                    category: other
                    endpoint: { method: FETCH, path: /things }
                    target: widget
                """;
        assertThat(errorsOf(endpoint))
                .anySatisfy(e -> assertThat(e).contains("endpoint.method: must be one of"))
                .anySatisfy(e -> assertThat(e).contains("endpoint.path: must be an API path under /api/v1"))
                .anySatisfy(e -> assertThat(e).contains(".permission: an endpoint entry names the permission"))
                .anySatisfy(e ->
                        assertThat(e).contains("an endpoint entry has only id, category, endpoint and permission"));
    }

    @Test
    void anOverrideFileReplacesTheShippedFileOfTheSameName() throws IOException {
        Files.writeString(
                directory.resolve("existing.yaml"),
                """
                actions:
                  - id: export.list
                    category: exports
                    endpoint: { method: GET, path: /api/v1/exports }
                    permission: exports:run
                """);
        var errors = new ArrayList<String>();
        var files = YamlFileSet.read("classpath*:actions/*.yaml", directory, ActionFile.class, "actions", errors);
        var definitions = new DeclarationValidator(new Currencies(Map.of()), SHIPPED_KINDS, SHIPPED_HANDLERS)
                .validate(files, errors);
        assertThat(errors).isEmpty();
        assertThat(definitions).containsKey("export.list").doesNotContainKey("operator.create");
    }
}
