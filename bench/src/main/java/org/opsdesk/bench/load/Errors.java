package org.opsdesk.bench.load;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/** Errors by kind ("HTTP 409", "exception", "timeout"…), with the first sample of each. Thread-safe. */
public final class Errors {

    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
    private final Map<String, String> samples = new ConcurrentHashMap<>();

    public void add(String kind, String sample) {
        add(kind, 1, sample);
    }

    public void add(String kind, long count, String sample) {
        if (count <= 0) {
            return;
        }
        counts.computeIfAbsent(kind, k -> new AtomicLong()).addAndGet(count);
        samples.putIfAbsent(kind, sample.length() > 400 ? sample.substring(0, 400) + "…" : sample);
    }

    public long total() {
        return counts.values().stream().mapToLong(AtomicLong::get).sum();
    }

    /** "HTTP 409 ×3, exception ×1", or "none". */
    public String summary() {
        if (counts.isEmpty()) {
            return "none";
        }
        return counts.entrySet().stream()
                .map(e -> e.getKey() + " ×" + e.getValue().get())
                .collect(Collectors.joining(", "));
    }

    /** The first sample of each kind. */
    public Map<String, String> samples() {
        return Map.copyOf(samples);
    }

    /** The first sample of each kind as markdown sentences. */
    public String samplesMarkdown() {
        var b = new StringBuilder();
        samples.forEach((k, v) -> b.append("First ")
                .append(k)
                .append(": `")
                .append(v.replace("`", "'").replace("\n", " "))
                .append("`. "));
        return b.toString();
    }
}
