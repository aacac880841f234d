package org.opsdesk.notifications.rules;

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

/** Reads the shipped rule files from the classpath, then the operator's own from a directory. */
public final class RuleFileReader {

    /** One file's content, where it came from, and whether it is an override. */
    public record Source(String location, boolean override, RuleFile file) {}

    private static final String SHIPPED = "classpath*:notifications/*.yaml";

    private final YAMLMapper yaml = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** Reads every file; a file that cannot be parsed is reported in {@code errors}, so one start lists them all. */
    public List<Source> read(@Nullable Path overrideDirectory, List<String> errors) {
        var sources = new ArrayList<Source>();
        try {
            Resource[] shipped = new PathMatchingResourcePatternResolver().getResources(SHIPPED);
            Stream.of(shipped)
                    .sorted(Comparator.comparing(r -> String.valueOf(r.getFilename())))
                    .forEach(r -> parse(r.getDescription(), false, r::getInputStream, sources, errors));
        } catch (IOException e) {
            errors.add("shipped notification rules: cannot list " + SHIPPED + ": " + e.getMessage());
        }
        if (overrideDirectory != null) {
            if (!Files.isDirectory(overrideDirectory)) {
                errors.add(overrideDirectory + ": notification rules directory does not exist");
                return sources;
            }
            try (Stream<Path> files = Files.list(overrideDirectory)) {
                files.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                        .sorted()
                        .forEach(p -> parse(p.toString(), true, () -> Files.newInputStream(p), sources, errors));
            } catch (IOException e) {
                errors.add(overrideDirectory + ": cannot list notification rules directory: " + e.getMessage());
            }
        }
        return sources;
    }

    private interface Opener {
        InputStream open() throws IOException;
    }

    private void parse(String location, boolean override, Opener opener, List<Source> sources, List<String> errors) {
        try (InputStream in = opener.open()) {
            RuleFile file = yaml.readValue(in, RuleFile.class);
            if (file == null) {
                errors.add(location + ": the file is empty");
            } else {
                sources.add(new Source(location, override, file));
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
