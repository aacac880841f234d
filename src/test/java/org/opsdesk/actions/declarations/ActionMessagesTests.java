package org.opsdesk.actions.declarations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opsdesk.actions.ActionDefinition;
import org.opsdesk.actions.invocation.FieldReason;
import org.opsdesk.shared.YamlFileSet;
import org.springframework.core.io.ClassPathResource;

/**
 * Every shipped action speaks the console's four languages: its title and description, each input field's label,
 * and every category the role editor groups actions by — in the catalog's bundle or the bundle of the module that
 * declares the action — and every reason the catalog refuses a field for has its text in each of them.
 */
class ActionMessagesTests {

    private static Properties bundle(String suffix) throws IOException {
        var properties = new Properties();
        for (String base : List.of("messages", "i18n/actions", "i18n/registry")) {
            var resource = new ClassPathResource(base + suffix + ".properties");
            if (resource.exists()) {
                try (var reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
                    properties.load(reader);
                }
            }
        }
        return properties;
    }

    private static List<ActionFile.Entry> shipped() {
        var errors = new ArrayList<String>();
        var files = YamlFileSet.read("classpath*:actions/*.yaml", null, ActionFile.class, "actions", errors);
        assertThat(errors).isEmpty();
        return files.stream().flatMap(f -> f.content().actions().stream()).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "_pt_BR", "_nl", "_pl"})
    void everyShippedActionAndCategoryHasItsTexts(String language) throws IOException {
        Properties messages = bundle(language);
        var missing = new ArrayList<String>();
        for (String category : ActionDefinition.CATEGORIES) {
            if (!messages.containsKey("action.category." + category)) {
                missing.add("action.category." + category);
            }
        }
        for (ActionFile.Entry entry : shipped()) {
            for (String key : List.of("action." + entry.id() + ".title", "action." + entry.id() + ".description")) {
                if (!messages.containsKey(key)) {
                    missing.add(key);
                }
            }
            if (entry.input() != null) {
                entry.input().stream()
                        .map(f -> "action." + entry.id() + ".field." + f.name())
                        .filter(key -> !messages.containsKey(key))
                        .forEach(missing::add);
            }
        }
        assertThat(missing).as("texts missing in messages%s", language).isEmpty();
    }

    /** The console shows the catalog's field refusals in the operator's language: every reason has its text. */
    @ParameterizedTest
    @ValueSource(strings = {"", "_pt_BR", "_nl", "_pl"})
    void everyFieldReasonHasItsText(String language) throws IOException {
        Properties messages = bundle(language);
        assertThat(java.util.Arrays.stream(FieldReason.values())
                        .map(FieldReason::messageKey)
                        .filter(key -> !messages.containsKey(key))
                        .toList())
                .as("field reasons without a text in messages%s", language)
                .isEmpty();
    }

    @Test
    void theShippedDeclarationsAreNotEmpty() {
        assertThat(shipped()).extracting(ActionFile.Entry::id).contains("operator.create", "trigger.simulate");
    }
}
