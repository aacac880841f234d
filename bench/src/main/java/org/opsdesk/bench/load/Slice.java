package org.opsdesk.bench.load;

/**
 * Part {@code part} of {@code parts} of the indexes 0..length-1, walked round-robin by one client (not thread-safe:
 * one per client).
 */
public final class Slice {

    private final int from;
    private final int to;
    private int next;

    private Slice(int from, int to) {
        this.from = from;
        this.to = to;
        this.next = from;
    }

    public static Slice of(int length, int part, int parts) {
        return new Slice((int) ((long) length * part / parts), (int) ((long) length * (part + 1) / parts));
    }

    /** The next index of the slice, back to its first after its last. */
    public int next() {
        int i = next;
        next = i + 1 == to ? from : i + 1;
        return i;
    }
}
