package org.opsdesk.shared;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads a set of declarative YAML files strictly — the shipped ones from the classpath, then the operator's own
 * from a directory — for the modules whose behaviour is data (workflows, notification rules). Unknown keys and
 * duplicate keys are errors; decimals keep their digits. A file that cannot be read is reported in
 * {@code errors} (with the field path, line and column) rather than thrown, so one start lists every broken file.
 */
public final class YamlFileSet {

    /** One file's content and where it came from; {@code override} when it came from the directory. */
    public record Parsed<T>(String location, String fileName, boolean override, T content) {}

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
            // amounts written as bare numbers (1000.00) keep their digits instead of becoming doubles
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private YamlFileSet() {}

    /**
     * @param shippedPattern e.g. {@code classpath*:workflows/*.yaml}
     * @param what how errors name the set, e.g. {@code workflows}
     */
    public static <T> List<Parsed<T>> read(
            String shippedPattern, @Nullable Path directory, Class<T> type, String what, List<String> errors) {
        var parsed = new ArrayList<Parsed<T>>();
        try {
            Resource[] shipped = new PathMatchingResourcePatternResolver().getResources(shippedPattern);
            Stream.of(shipped)
                    .sorted(Comparator.comparing(r -> String.valueOf(r.getFilename())))
                    .forEach(resource -> parse(
                            resource.getDescription(),
                            String.valueOf(resource.getFilename()),
                            false,
                            resource::getInputStream,
                            type,
                            parsed,
                            errors));
        } catch (IOException e) {
            errors.add("shipped " + what + ": cannot list " + shippedPattern + ": " + e.getMessage());
        }
        if (directory != null) {
            if (!Files.isDirectory(directory)) {
                errors.add(directory + ": " + what + " directory does not exist");
                return parsed;
            }
            try (Stream<Path> files = Files.list(directory)) {
                files.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                        .sorted()
                        .forEach(path -> parse(
                                path.toString(),
                                path.getFileName().toString(),
                                true,
                                () -> Files.newInputStream(path),
                                type,
                                parsed,
                                errors));
            } catch (IOException e) {
                errors.add(directory + ": cannot list " + what + " directory: " + e.getMessage());
            }
        }
        return parsed;
    }

    private interface Opener {
        InputStream open() throws IOException;
    }

    private static <T> void parse(
            String location,
            String fileName,
            boolean override,
            Opener opener,
            Class<T> type,
            List<Parsed<T>> parsed,
            List<String> errors) {
        try (InputStream in = opener.open()) {
            T content = YAML.readValue(in, type);
            if (content == null) {
                errors.add(location + ": the file is empty");
            } else {
                parsed.add(new Parsed<>(location, fileName, override, content));
            }
        } catch (JacksonException e) {
            var where = e.getLocation() == null
                    ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr() + ")";
            errors.add(location + ": cannot read YAML" + fieldPath(e) + where + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            errors.add(location + ": cannot read: " + e.getMessage());
        }
    }

    private static String fieldPath(JacksonException e) {
        var path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "" : " at " + path;
    }
}
