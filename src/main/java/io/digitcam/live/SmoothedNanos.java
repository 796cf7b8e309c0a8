package io.digitcam.live;

/**
 * A duration in nanoseconds averaged exponentially over recent samples, so one slow frame does
 * not swing the just-in-time grab. Not thread-safe: callers guard it.
 */
final class SmoothedNanos {
    private double value;

    void add(long sample) {
        value = value == 0 ? sample : 0.9 * value + 0.1 * sample;
    }

    long get() {
        return (long) value;
    }
}
