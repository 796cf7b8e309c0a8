package io.digitcam.source;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Hands out frames of a file, a still or the demo at a steady rate, as a camera would. The
 * schedule is absolute (start + n × period) so sleep jitter does not add up; after a stall
 * (a paused debugger, a slow consumer) it restarts from now rather than bursting to catch up.
 * {@link #stop()} wakes a sleeping {@link #awaitNext()} at once, from any thread.
 */
final class Pacer {
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile long periodNanos;
    private long nextDue = Long.MIN_VALUE;

    Pacer(double fps) {
        setFps(fps);
    }

    /** Rates outside 1–240 fps are metadata nonsense (0, 90000); 25 fps is the usual default. */
    void setFps(double fps) {
        double sane = Double.isFinite(fps) && fps >= 1 && fps <= 240 ? fps : 25;
        periodNanos = Math.round(1e9 / sane);
    }

    double fps() {
        return 1e9 / periodNanos;
    }

    /** Sleeps until the next frame is due; false when stopped (now or while sleeping). */
    boolean awaitNext() {
        long now = System.nanoTime();
        if (nextDue == Long.MIN_VALUE || now - nextDue > 2 * periodNanos) {
            nextDue = now;
        }
        long wait = nextDue - now;
        nextDue += periodNanos;
        try {
            return wait <= 0 ? stopped.getCount() > 0 : !stopped.await(wait, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    void stop() {
        stopped.countDown();
    }
}
