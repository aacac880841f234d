package org.opsdesk.banking.formats;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The public statement files copied under {@code src/test/resources/fixtures/statements} (see PROVENANCE.md). */
final class StatementFixtures {

    static final Path ROOT = Path.of("src/test/resources/fixtures/statements");

    private StatementFixtures() {}

    /** Every statement file, as {@code format/file-name}. */
    static Stream<String> all() {
        try (Stream<Path> files = Files.walk(ROOT)) {
            List<String> names = files.filter(Files::isRegularFile)
                    .filter(file -> !file.getFileName().toString().startsWith("."))
                    .filter(file -> !file.getFileName().toString().endsWith(".md"))
                    .map(file -> ROOT.relativize(file).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
            return names.stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bytes(String name) {
        try {
            return Files.readAllBytes(ROOT.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ReadFile read(String name) {
        return new StatementFiles().read(bytes(name), null);
    }
}
