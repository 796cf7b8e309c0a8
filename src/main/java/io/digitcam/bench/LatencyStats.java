package io.digitcam.bench;

import java.util.Arrays;

/** Median and 95th percentile of a set of timings, in milliseconds. */
public record LatencyStats(int samples, double median, double p95, double max) {
    public static LatencyStats of(double[] millis) {
        if (millis.length == 0) {
            throw new IllegalArgumentException("no samples");
        }
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        return new LatencyStats(sorted.length, percentile(sorted, 50), percentile(sorted, 95), sorted[sorted.length - 1]);
    }

    /** Nearest-rank percentile of sorted values. */
    static double percentile(double[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
