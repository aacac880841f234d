package org.opsdesk.bench.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.opsdesk.bench.Machine;

/**
 * CPU time from /proc, in clock ticks: the app JVM, PostgreSQL (the postmaster, its children and its reaped
 * children), this benchmark's JVM, its reaped child processes (wrk), the whole machine's busy time and iowait.
 */
public final class CpuAccounting {

    /** Clock ticks per second (getconf CLK_TCK; 100 on every Linux we know). */
    public static final double CLOCK_TICKS = clockTicks();

    /** Ticks used so far by each party; {@link Cpu#between} turns two of them into a window's split. */
    public record Ticks(long app, long postgres, long self, long children, long busy, long iowait, long nanoTime) {}

    private CpuAccounting() {}

    public static Ticks now(long appPid) {
        long appTicks = appPid == 0 ? 0 : ticks(appPid, false);
        long pg = 0;
        try {
            long pm = BenchDatabase.postmasterPid();
            pg = ticks(pm, true);
            try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
                for (Path p : (Iterable<Path>) procs::iterator) {
                    String name = p.getFileName().toString();
                    if (!name.chars().allMatch(Character::isDigit)) {
                        continue;
                    }
                    String[] f = stat(Long.parseLong(name));
                    if (f != null && Long.parseLong(f[1]) == pm) {
                        pg += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // leave what we have
        }
        String[] self = stat(ProcessHandle.current().pid());
        long selfTicks = self == null ? 0 : Long.parseLong(self[11]) + Long.parseLong(self[12]);
        long childTicks = self == null ? 0 : Long.parseLong(self[13]) + Long.parseLong(self[14]);
        long busy = 0;
        long iowait = 0;
        try {
            String[] cpu =
                    Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            // cpu user nice system idle iowait irq softirq steal ...
            for (int i = 1; i < Math.min(cpu.length, 9); i++) {
                if (i != 4 && i != 5) {
                    busy += Long.parseLong(cpu[i]);
                }
            }
            iowait = Long.parseLong(cpu[5]);
        } catch (IOException | RuntimeException e) {
            // leave zeros
        }
        return new Ticks(appTicks, pg, selfTicks, childTicks, busy, iowait, System.nanoTime());
    }

    /** utime + stime (+ reaped children's when asked), in clock ticks. */
    static long ticks(long pid, boolean withChildren) {
        String[] f = stat(pid);
        if (f == null) {
            return 0;
        }
        long t = Long.parseLong(f[11]) + Long.parseLong(f[12]);
        if (withChildren) {
            t += Long.parseLong(f[13]) + Long.parseLong(f[14]);
        }
        return t;
    }

    /** The fields of /proc/pid/stat after the command name: [0] state, [1] ppid, ... [11] utime, [12] stime. */
    static String[] stat(long pid) {
        try {
            String s = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return s.substring(s.lastIndexOf(')') + 2).trim().split(" ");
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static double clockTicks() {
        try {
            return Double.parseDouble(Machine.sh("getconf", "CLK_TCK").trim());
        } catch (NumberFormatException e) {
            return 100;
        }
    }
}
