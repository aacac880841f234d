package org.opsdesk.bench.jfr;

import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

/**
 * Summarises a JFR recording of the app taken during a benchmark run: CPU samples (jdk.ExecutionSample) in a time
 * window, each owned by its innermost non-JDK frame's library, and the Opsdesk methods that own samples.
 *
 * <pre>
 * BENCH_APP_JAVA_OPTS="-Xmx1g -XX:StartFlightRecording=filename=/tmp/opsdesk.jfr,settings=profile,dumponexit=true" \
 *   bench/run.sh --operations 100000 --ping-operations 20000 --phases transitions --clients 16 --no-doc
 * bench/jfr-summary.sh /tmp/opsdesk.jfr 2026-11-22T03:56:18Z 2026-11-22T03:56:34Z
 * </pre>
 *
 * (the window: the API run's measured seconds, from the benchmark's log lines, in UTC).
 */
public final class JfrSummary {

    static final String[][] OWNERS = {
        {"org.postgresql.", "PostgreSQL JDBC driver"},
        {"com.zaxxer.hikari.", "Hikari"},
        {"tools.jackson.", "Jackson"},
        {"com.fasterxml.jackson.", "Jackson"},
        {"io.micrometer.", "Micrometer / observations"},
        {"org.springframework.security.", "Spring Security"},
        {"org.springframework.web.", "Spring Web MVC"},
        {"org.springframework.http.", "Spring Web MVC"},
        {"org.springframework.jdbc.", "Spring JDBC"},
        {"org.springframework.transaction.", "Spring transactions"},
        {"org.springframework.aop.", "Spring proxies"},
        {"org.springframework.cglib.", "Spring proxies"},
        {"org.springframework.boot.", "Spring Boot"},
        {"org.springframework.", "Spring core and other"},
        {"org.apache.", "Tomcat"},
        {"org.hibernate.validator.", "Bean validation"},
        {"jakarta.", "Jakarta APIs"},
        {"ch.qos.logback.", "logging"},
        {"org.slf4j.", "logging"},
        {"org.opsdesk.", "Opsdesk code"},
    };

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: bench/jfr-summary.sh <recording.jfr> <from ISO instant> <to ISO instant>");
            System.exit(2);
        }
        Instant from = Instant.parse(args[1]);
        Instant to = Instant.parse(args[2]);
        Map<String, Integer> owners = new HashMap<>();
        Map<String, Integer> opsdesk = new HashMap<>();
        int total = 0;
        try (var recording = new RecordingFile(Path.of(args[0]))) {
            while (recording.hasMoreEvents()) {
                RecordedEvent e = recording.readEvent();
                if (!e.getEventType().getName().equals("jdk.ExecutionSample")
                        || e.getStartTime().isBefore(from)
                        || e.getStartTime().isAfter(to)
                        || e.getStackTrace() == null) {
                    continue;
                }
                total++;
                String owner = null;
                boolean sha = false;
                for (var frame : e.getStackTrace().getFrames()) {
                    String type = frame.getMethod().getType().getName();
                    if (type.startsWith("sun.security.provider") || type.startsWith("java.security.MessageDigest")) {
                        sha = true;
                    }
                    if (owner == null) {
                        owner = owner(type);
                        if ("Opsdesk code".equals(owner)) {
                            opsdesk.merge(type + "." + frame.getMethod().getName(), 1, Integer::sum);
                        }
                    }
                }
                owners.merge(
                        (owner == null ? "JDK only (threads, I/O)" : owner) + (sha ? " [in SHA-256]" : ""),
                        1,
                        Integer::sum);
            }
        }
        System.out.println("CPU samples in the window: " + total);
        System.out.println("\nowner = the innermost non-JDK frame of each sample");
        print(owners, total, 40);
        System.out.println("\nOpsdesk methods owning samples");
        print(opsdesk, total, 20);
    }

    static String owner(String type) {
        for (String[] o : OWNERS) {
            if (type.startsWith(o[0])) {
                return o[1];
            }
        }
        return null;
    }

    static void print(Map<String, Integer> counts, int total, int limit) {
        counts.entrySet().stream()
                .sorted((a, b) -> b.getValue() - a.getValue())
                .limit(limit)
                .forEach(
                        e -> System.out.printf("%5.1f%%  %s%n", 100.0 * e.getValue() / Math.max(1, total), e.getKey()));
    }
}
