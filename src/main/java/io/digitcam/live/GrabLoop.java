package io.digitcam.live;

import io.digitcam.source.FrameImage;
import io.digitcam.source.FrameSource;
import io.digitcam.source.SourceException;
import java.util.function.Consumer;

/**
 * The grabber thread's work: open the source, pass every frame to the slot, and when a live
 * source fails (camera unplugged, busy, stalled driver) report it and try again with a growing
 * pause instead of giving up or spinning. A file that fails stops with its message.
 */
public final class GrabLoop implements Runnable {
    static final long FIRST_RETRY_MILLIS = 500;
    static final long MAX_RETRY_MILLIS = 5_000;

    private final SourceFactory factory;
    private volatile FrameSource source;
    private final LatestSlot<FrameImage> slot;
    private final Consumer<SourceStatus> status;
    private final RateMeter rate = new RateMeter();
    private volatile boolean stopped;
    private volatile boolean paused;
    private volatile long lastFrameNanos = System.nanoTime();
    // How long a grab takes: an unpaced source grabs this long before the worker wants the frame.
    private final SmoothedNanos grabTime = new SmoothedNanos();
    private static final long JUST_IN_TIME_MARGIN_NANOS = 1_000_000;

    public GrabLoop(FrameSource first, SourceFactory factory, LatestSlot<FrameImage> slot,
                    Consumer<SourceStatus> status) {
        this.source = first;
        this.factory = factory;
        this.slot = slot;
        this.status = status;
    }

    public FrameSource source() {
        return source;
    }

    /** Frames per second the source delivers. */
    public double fps() {
        return rate.perSecond(System.nanoTime());
    }

    @Override
    public void run() {
        long pause = FIRST_RETRY_MILLIS;
        boolean everOpened = false;
        while (!stopped) {
            try {
                source.open();
                everOpened = true;
                lastFrameNanos = System.nanoTime();
                status.accept(new SourceStatus(SourceStatus.State.RUNNING, source.description(), "", false));
                while (!stopped) {
                    if (!source.paced() && !awaitWanted()) {
                        return;
                    }
                    long grabStart = System.nanoTime();
                    FrameImage frame = source.grab();
                    grabTime.add(System.nanoTime() - grabStart);
                    if (frame == null && source.live()) {
                        throw new SourceException(source.description() + " stopped delivering frames");
                    }
                    if (frame == null) {
                        status.accept(new SourceStatus(SourceStatus.State.ENDED, source.description(), "end of "
                                + source.description(), false));
                        return;
                    }
                    rate.tick(frame.grabbedNanos());
                    lastFrameNanos = System.nanoTime();
                    pause = FIRST_RETRY_MILLIS;
                    slot.put(frame);
                    while (paused && !stopped) {
                        // Paused: keep the device open but stop feeding the worker.
                        if (!sleep(40)) {
                            return;
                        }
                    }
                }
            } catch (SourceException | RuntimeException e) {
                if (stopped) {
                    return;
                }
                String message = e instanceof SourceException ? e.getMessage() : source.description() + ": " + e;
                source.close();
                if (!source.live()) {
                    status.accept(new SourceStatus(SourceStatus.State.STOPPED, source.description(), message, !everOpened));
                    return;
                }
                status.accept(new SourceStatus(SourceStatus.State.RETRYING, source.description(),
                        message + String.format(" — retrying in %.1f s", pause / 1000.0), !everOpened));
                if (!sleep(pause)) {
                    return;
                }
                pause = Math.min(MAX_RETRY_MILLIS, pause * 2);
                source = factory.createOr(source);
            }
        }
    }

    /**
     * For an unpaced source: waits until the worker took the last frame, then until the next
     * one, grabbed now, would be ready just as the worker wants it. Grabbing straight away
     * would keep the same frame rate but hand the worker a frame that waited for most of a
     * processing time, doubling the latency a benchmark measures.
     */
    private boolean awaitWanted() {
        try {
            if (!slot.awaitTaken() || stopped) {
                return false;
            }
            long wait = slot.nextWantedNanos() - grabTime.get() - JUST_IN_TIME_MARGIN_NANOS - System.nanoTime();
            if (wait > 0) {
                java.util.concurrent.locks.LockSupport.parkNanos(wait);
            }
            return !stopped && !Thread.currentThread().isInterrupted();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private boolean sleep(long millis) {
        try {
            Thread.sleep(millis);
            return !stopped;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** How long the source has been silent, in ms; 0 while paused (silence is expected then). */
    public long silentMillis(long nowNanos) {
        return paused ? 0 : (nowNanos - lastFrameNanos) / 1_000_000;
    }

    public void setPaused(boolean paused) {
        this.paused = paused;
    }

    /** Stops the loop; closing the source unblocks a grab that is waiting on the device. */
    public void stop() {
        stopped = true;
        source.close();
    }
}
