package org.opsdesk.notifications.rules;

import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.opsdesk.shared.YamlFileSet;

/** Reads the shipped rule files from the classpath, then the operator's own from a directory. */
public final class RuleFileReader {

    /** One file's content, where it came from, and whether it is an override. */
    public record Source(String location, boolean override, RuleFile file) {}

    /** Reads every file; a file that cannot be parsed is reported in {@code errors}, so one start lists them all. */
    public List<Source> read(@Nullable Path overrideDirectory, List<String> errors) {
        return YamlFileSet.read(
                        "classpath*:notifications/*.yaml",
                        overrideDirectory,
                        RuleFile.class,
                        "notification rules",
                        errors)
                .stream()
                .map(parsed -> new Source(parsed.location(), parsed.override(), parsed.content()))
                .toList();
    }
}
