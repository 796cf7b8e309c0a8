package io.digitcam.live;

import java.util.ArrayDeque;
import java.util.Deque;

/** Events per second over the last second: what the status bar shows as FPS. Thread-safe. */
public final class RateMeter {
    private static final long WINDOW = 1_000_000_000L;
    private final Deque<Long> times = new ArrayDeque<>();

    public synchronized void tick(long nanos) {
        times.addLast(nanos);
        while (!times.isEmpty() && nanos - times.peekFirst() > WINDOW) {
            times.removeFirst();
        }
    }

    public synchronized double perSecond(long nanos) {
        while (!times.isEmpty() && nanos - times.peekFirst() > WINDOW) {
            times.removeFirst();
        }
        if (times.size() < 2) {
            return times.size();
        }
        return (times.size() - 1) * 1e9 / Math.max(1, times.peekLast() - times.peekFirst());
    }
}
