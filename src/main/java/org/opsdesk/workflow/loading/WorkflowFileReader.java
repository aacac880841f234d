package org.opsdesk.workflow.loading;

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

/** Reads the shipped definitions from the classpath and the operator's own from a directory, in that order. */
public final class WorkflowFileReader {

    /** One file's content and where it came from. */
    public record Source(String location, String fileName, WorkflowFile file) {}

    private static final String SHIPPED = "classpath*:workflows/*.yaml";

    private final YAMLMapper yaml = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
            // thresholds written as bare numbers (1000.00) keep their digits instead of becoming doubles
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    /**
     * Reads every definition file. A file that cannot be parsed is reported in {@code errors} rather than
     * thrown, so one start-up lists every broken file at once.
     */
    public List<Source> read(@Nullable Path overrideDirectory, List<String> errors) {
        var sources = new ArrayList<Source>();
        try {
            Resource[] shipped = new PathMatchingResourcePatternResolver().getResources(SHIPPED);
            Stream.of(shipped)
                    .sorted(Comparator.comparing(r -> String.valueOf(r.getFilename())))
                    .forEach(resource -> parse(
                            resource.getDescription(),
                            String.valueOf(resource.getFilename()),
                            resource::getInputStream,
                            sources,
                            errors));
        } catch (IOException e) {
            errors.add("shipped workflows: cannot list " + SHIPPED + ": " + e.getMessage());
        }
        if (overrideDirectory != null) {
            if (!Files.isDirectory(overrideDirectory)) {
                errors.add(overrideDirectory + ": workflows directory does not exist");
                return sources;
            }
            try (Stream<Path> files = Files.list(overrideDirectory)) {
                files.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                        .sorted()
                        .forEach(path -> parse(
                                path.toString(),
                                path.getFileName().toString(),
                                () -> Files.newInputStream(path),
                                sources,
                                errors));
            } catch (IOException e) {
                errors.add(overrideDirectory + ": cannot list workflows directory: " + e.getMessage());
            }
        }
        return sources;
    }

    private interface Opener {
        InputStream open() throws IOException;
    }

    private void parse(String location, String fileName, Opener opener, List<Source> sources, List<String> errors) {
        try (InputStream in = opener.open()) {
            WorkflowFile file = yaml.readValue(in, WorkflowFile.class);
            if (file == null) {
                errors.add(location + ": the file is empty");
            } else {
                sources.add(new Source(location, fileName, file));
            }
        } catch (JacksonException e) {
            var where = e.getLocation() == null
                    ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr() + ")";
            var path = e.getPathReference() == null || e.getPath().isEmpty() ? "" : " at " + fieldPath(e);
            errors.add(location + ": cannot read YAML" + path + where + ": " + e.getOriginalMessage());
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
        return path.toString();
    }
}
