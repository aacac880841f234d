package org.opsdesk.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every bundle the console reads has the same keys in English, Portuguese (Brazil), Dutch and Polish, and no empty
 * text: a page half in English is caught here, before a browser test has to stumble on it.
 */
class MessageBundleParityTests {

    private static final Path RESOURCES = Path.of("src/main/resources");
    private static final List<String> LANGUAGES = List.of("_pt_BR", "_nl", "_pl");

    static List<String> basenames() throws IOException {
        var properties = load(RESOURCES.resolve("application.properties"));
        return Arrays.stream(properties.getProperty("spring.messages.basename").split(","))
                .map(String::strip)
                .toList();
    }

    @ParameterizedTest
    @MethodSource("basenames")
    void everyLanguageHasEveryKeyWithText(String basename) throws IOException {
        var english = load(RESOURCES.resolve(basename + ".properties"));
        for (String language : LANGUAGES) {
            var translated = load(RESOURCES.resolve(basename + language + ".properties"));
            assertThat(keys(translated))
                    .as("keys of %s%s compared with %s", basename, language, basename)
                    .containsExactlyElementsOf(keys(english));
            translated.forEach((key, value) -> assertThat(value.toString().strip())
                    .as("%s%s: %s", basename, language, key)
                    .isNotEmpty());
        }
    }

    private static Set<String> keys(Properties properties) {
        return new TreeSet<>(properties.stringPropertyNames());
    }

    private static Properties load(Path file) throws IOException {
        var properties = new Properties();
        if (Files.exists(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
        }
        return properties;
    }
}
