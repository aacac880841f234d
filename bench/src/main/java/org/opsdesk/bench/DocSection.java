package org.opsdesk.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A benchmark's section of a markdown document (docs/benchmarks.md unless told otherwise). */
public final class DocSection {

    private DocSection() {}

    /** docs/benchmarks.md in the repository. */
    public static Path benchmarks() {
        return Bench.ROOT.resolve("docs/benchmarks.md");
    }

    /** Replaces the section starting with {@code heading} (up to the next "## ") in the document, or appends it. */
    public static void write(Path doc, String heading, String section) throws IOException {
        String text;
        if (Files.exists(doc)) {
            String old = Files.readString(doc);
            int at = old.indexOf(heading);
            if (at >= 0) {
                int next = old.indexOf("\n## ", at + heading.length());
                text = old.substring(0, at) + section.stripTrailing() + "\n" + (next < 0 ? "" : old.substring(next));
            } else {
                text = old.stripTrailing() + "\n\n" + section;
            }
        } else {
            text = "# Benchmarks\n\nPerformance figures and the commands that produced them. Re-run a section's "
                    + "command to refresh it; figures from different machines are not comparable.\n\n" + section;
        }
        Files.createDirectories(doc.getParent());
        Files.writeString(doc, text.stripTrailing() + "\n");
    }
}
