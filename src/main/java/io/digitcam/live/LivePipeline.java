package io.digitcam.live;

import io.digitcam.source.FrameImage;
import io.digitcam.source.FrameSource;
import java.util.function.Consumer;

/**
 * Source → newest-frame slot → worker, on two daemon threads. The source can be swapped while
 * running (camera → file → demo); the worker and its loaded model stay. Results and status go
 * to the given consumers on the worker and grabber threads; the UI marshals them itself.
 */
public final class LivePipeline implements AutoCloseable {
    // Two joins must fit in the 2 s a user waits for a closed window to go away.
    private static final long JOIN_MILLIS = 700;
    /** A live source silent this long is presumed stalled (a driver stuck in a read) and restarted. */
    static final long DEFAULT_STALL_MILLIS = 3_000;

    private final LatestSlot<FrameImage> slot = new LatestSlot<>();
    private final RecognitionWorker worker;
    private final Thread workerThread;
    private final Consumer<SourceStatus> status;
    private final java.util.concurrent.ScheduledExecutorService watchdog;
    private final long stallMillis;
    private volatile GrabLoop grab;
    private SourceFactory factory;
    private Thread grabThread;

    /** {@code reading} may be null until a model is loaded ({@link RecognitionWorker#setPipeline}). */
    public LivePipeline(ReadingPipeline reading, Consumer<LiveResult> results, Consumer<SourceStatus> status) {
        this(reading, results, status, DEFAULT_STALL_MILLIS);
    }

    public LivePipeline(ReadingPipeline reading, Consumer<LiveResult> results, Consumer<SourceStatus> status,
                        long stallMillis) {
        this.stallMillis = stallMillis;
        this.watchdog = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "digitcam-watchdog");
            t.setDaemon(true);
            return t;
        });
        long period = Math.max(50, stallMillis / 4);
        watchdog.scheduleWithFixedDelay(this::checkStall, period, period, java.util.concurrent.TimeUnit.MILLISECONDS);
        this.worker = new RecognitionWorker(slot, reading, results);
        this.status = status;
        this.workerThread = new Thread(worker, "digitcam-worker");
        workerThread.setDaemon(true);
        workerThread.start();
    }

    public RecognitionWorker worker() {
        return worker;
    }

    /** Plays a source that cannot be made again (a retry reopens this same one). */
    public synchronized void play(FrameSource source) {
        play(source, () -> source);
    }

    /**
     * Starts grabbing from {@code first}, stopping (and closing) the previous source first;
     * {@code factory} makes a new one whenever the source has to be reopened.
     */
    public synchronized void play(FrameSource first, SourceFactory factory) {
        stopSource();
        worker.resetTracks();
        this.factory = factory;
        grab = new GrabLoop(first, factory, slot, status);
        grab.setPaused(paused);
        grabThread = new Thread(grab, "digitcam-grabber");
        grabThread.setDaemon(true);
        grabThread.start();
    }

    private boolean paused;

    public synchronized void setPaused(boolean paused) {
        this.paused = paused;
        if (grab != null) {
            grab.setPaused(paused);
        }
    }

    public synchronized FrameSource source() {
        return grab == null ? null : grab.source();
    }

    /** Frames per second the current source delivers. */
    public double cameraFps() {
        GrabLoop g = grab;
        return g == null ? 0 : g.fps();
    }

    /**
     * Waits until the worker has handed on every frame the source delivered so far: once a file
     * reported its end, its last frame's result is then out.
     */
    public void awaitIdle() throws InterruptedException {
        slot.awaitIdle();
    }

    /** Frames the worker had no time for and skipped. */
    public long dropped() {
        return slot.dropped();
    }

    // A grab blocked inside a driver never returns to report anything, so the watchdog does:
    // it says so, closes the source (which unblocks most drivers) and starts grabbing anew.
    private synchronized void checkStall() {
        if (grab == null || !grab.source().live()) {
            return;
        }
        long silent = grab.silentMillis(System.nanoTime());
        if (silent >= stallMillis) {
            FrameSource source = grab.source();
            status.accept(new SourceStatus(SourceStatus.State.RETRYING, source.description(),
                    source.description() + ": no frames for " + String.format("%.1f", silent / 1000.0) + " s — reopening", false));
            play(factory.createOr(source), factory);
        }
    }

    public synchronized void stopSource() {
        if (grab != null) {
            grab.stop();
            grabThread.interrupt();
            join(grabThread);
            grab = null;
            grabThread = null;
        }
    }

    @Override
    public synchronized void close() {
        watchdog.shutdownNow();
        stopSource();
        slot.close();
        workerThread.interrupt();
        join(workerThread);
    }

    // A driver stuck in a native call cannot be interrupted; the threads are daemons, so waiting
    // a bounded time and moving on still lets the application exit.
    private static void join(Thread t) {
        try {
            t.join(JOIN_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
