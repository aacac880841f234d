package org.opsdesk.bench.app;

/**
 * CPU seconds used in a window by each party: the app JVM, PostgreSQL, the load generator, every other process on
 * the machine (others), the machine's iowait, and the window's wall-clock seconds.
 */
public record Cpu(double app, double postgres, double generator, double others, double iowait, double wall) {

    /** Who generates the load: this JVM (the Java clients) or a child process it waited for (wrk). */
    public enum Generator {
        THIS_JVM,
        CHILD_PROCESS
    }

    /**
     * The split between two readings. With a child process as the generator its CPU is what the kernel added to
     * this JVM's reaped-children time (so the child must have exited before {@code after}); this JVM's own time
     * then counts among the others.
     */
    public static Cpu between(CpuAccounting.Ticks before, CpuAccounting.Ticks after, Generator generator) {
        double tck = CpuAccounting.CLOCK_TICKS;
        long app = after.app() - before.app();
        long pg = after.postgres() - before.postgres();
        long gen =
                generator == Generator.THIS_JVM ? after.self() - before.self() : after.children() - before.children();
        long busy = after.busy() - before.busy();
        return new Cpu(
                app / tck,
                pg / tck,
                gen / tck,
                Math.max(0, busy - app - pg - gen) / tck,
                (after.iowait() - before.iowait()) / tck,
                (after.nanoTime() - before.nanoTime()) / 1e9);
    }
}
