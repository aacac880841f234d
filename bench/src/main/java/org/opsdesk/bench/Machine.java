package org.opsdesk.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Facts about the machine and the code a report states: cores, CPU, kernel, JVM, commit, jar, load average. */
public final class Machine {

    private Machine() {}

    public static Map<String, String> facts() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("nproc", sh("nproc").trim());
        m.put("free -h", sh("free", "-h").stripTrailing());
        m.put(
                "cpu",
                sh("sh", "-c", "grep -m1 'model name' /proc/cpuinfo | cut -d: -f2")
                        .trim());
        m.put("kernel", sh("uname", "-srm").trim());
        m.put(
                "java -version",
                sh(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-version")
                        .stripTrailing());
        m.put(
                "git",
                sh("git", "rev-parse", "--short", "HEAD").trim()
                        + (sh("git", "status", "--porcelain", "--untracked-files=no")
                                        .isBlank()
                                ? ""
                                : " (working tree has uncommitted changes)"));
        try {
            m.put(
                    "jar",
                    "target/opsdesk.jar, built " + Files.getLastModifiedTime(Bench.ROOT.resolve("target/opsdesk.jar")));
        } catch (IOException e) {
            m.put("jar", "target/opsdesk.jar");
        }
        return m;
    }

    /** The number of cores {@code facts} reported, or the JVM's count. */
    public static int cores(Map<String, String> facts) {
        try {
            return Integer.parseInt(facts.get("nproc"));
        } catch (RuntimeException e) {
            return Runtime.getRuntime().availableProcessors();
        }
    }

    public static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return f[0] + " / " + f[1] + " / " + f[2] + " (1 / 5 / 15 min)";
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /** Runs a command in the repository root and returns its output (stdout and stderr), waiting 20 s at most. */
    public static String sh(String... command) {
        try {
            Process p = new ProcessBuilder(command)
                    .directory(Bench.ROOT.toFile())
                    .redirectErrorStream(true)
                    .start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
            return out;
        } catch (IOException e) {
            return "(" + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "(interrupted)";
        }
    }
}
