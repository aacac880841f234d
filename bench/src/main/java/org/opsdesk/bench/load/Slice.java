package org.opsdesk.bench.load;

/** Part {@code part} of {@code parts} of the indexes 0..length-1, walked round-robin by one client. */
public record Slice(int from, int to) {

    public static Slice of(int length, int part, int parts) {
        return new Slice((int) ((long) length * part / parts), (int) ((long) length * (part + 1) / parts));
    }

    /** The index after {@code i}, back to the first after the last. */
    public int next(int i) {
        return i + 1 == to ? from : i + 1;
    }
}
