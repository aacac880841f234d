package org.opsdesk.workflow.loading;

import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.opsdesk.shared.YamlFileSet;

/** Reads the shipped definitions from the classpath and the operator's own from a directory, in that order. */
public final class WorkflowFileReader {

    /** One file's content and where it came from. */
    public record Source(String location, String fileName, WorkflowFile file) {}

    /**
     * Reads every definition file. A file that cannot be parsed is reported in {@code errors} rather than
     * thrown, so one start-up lists every broken file at once.
     */
    public List<Source> read(@Nullable Path overrideDirectory, List<String> errors) {
        return YamlFileSet.read(
                        "classpath*:workflows/*.yaml", overrideDirectory, WorkflowFile.class, "workflows", errors)
                .stream()
                .map(parsed -> new Source(parsed.location(), parsed.fileName(), parsed.content()))
                .toList();
    }
}
