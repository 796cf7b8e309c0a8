package io.digitcam.live;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalDouble;

/**
 * The share of CPU time a hypervisor gave to other machines (Linux's "steal"), between two
 * readings of /proc/stat. On a shared virtual machine it explains a benchmark that ran slow:
 * the figures mean little when a third of the CPU went elsewhere.
 */
public final class CpuSteal {
    private static final Path STAT = Path.of("/proc/stat");
    private final long[] start;

    private CpuSteal(long[] start) {
        this.start = start;
    }

    /** Starts measuring; empty where the system does not report steal time. */
    public static java.util.Optional<CpuSteal> start() {
        long[] now = read();
        return now == null ? java.util.Optional.empty() : java.util.Optional.of(new CpuSteal(now));
    }

    /** Stolen share of all CPU time since {@link #start()}, 0..1. */
    public OptionalDouble share() {
        long[] now = read();
        if (now == null) {
            return OptionalDouble.empty();
        }
        long total = now[0] - start[0];
        return total <= 0 ? OptionalDouble.empty() : OptionalDouble.of((now[1] - start[1]) / (double) total);
    }

    /** {total, steal} jiffies from the "cpu" line, or null. */
    private static long[] read() {
        try {
            String line = Files.readAllLines(STAT).get(0);
            String[] f = line.trim().split("\\s+");
            // cpu user nice system idle iowait irq softirq steal [guest guest_nice]
            if (!f[0].equals("cpu") || f.length < 9) {
                return null;
            }
            long total = 0;
            for (int i = 1; i < Math.min(f.length, 9); i++) {
                total += Long.parseLong(f[i]);
            }
            return new long[] {total, Long.parseLong(f[8])};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
