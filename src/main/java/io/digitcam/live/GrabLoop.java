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

    private final FrameSource source;
    private final LatestSlot<FrameImage> slot;
    private final Consumer<SourceStatus> status;
    private final RateMeter rate = new RateMeter();
    private volatile boolean stopped;
    private volatile boolean paused;

    public GrabLoop(FrameSource source, LatestSlot<FrameImage> slot, Consumer<SourceStatus> status) {
        this.source = source;
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
                status.accept(new SourceStatus(SourceStatus.State.RUNNING, source.description(), "", false));
                pause = FIRST_RETRY_MILLIS;
                while (!stopped) {
                    FrameImage frame = source.grab();
                    if (frame == null) {
                        status.accept(new SourceStatus(SourceStatus.State.STOPPED, source.description(), "end of "
                                + source.description(), false));
                        return;
                    }
                    rate.tick(frame.grabbedNanos());
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
            }
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

    public void setPaused(boolean paused) {
        this.paused = paused;
    }

    /** Stops the loop; closing the source unblocks a grab that is waiting on the device. */
    public void stop() {
        stopped = true;
        source.close();
    }
}
