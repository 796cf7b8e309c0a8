package io.digitcam.live;

import io.digitcam.recognize.Recognizer;
import io.digitcam.source.FrameImage;
import io.digitcam.source.FrameSource;
import io.digitcam.track.DigitTracker;
import java.util.function.Consumer;

/**
 * Source → newest-frame slot → worker, on two daemon threads. The source can be swapped while
 * running (camera → file → demo); the worker and its loaded model stay. Results and status go
 * to the given consumers on the worker and grabber threads; the UI marshals them itself.
 */
public final class LivePipeline implements AutoCloseable {
    private static final long JOIN_MILLIS = 1_500;

    private final LatestSlot<FrameImage> slot = new LatestSlot<>();
    private final RecognitionWorker worker;
    private final Thread workerThread;
    private final Consumer<SourceStatus> status;
    private GrabLoop grab;
    private Thread grabThread;

    public LivePipeline(Recognizer recognizer, DigitTracker tracker, Consumer<LiveResult> results,
                        Consumer<SourceStatus> status) {
        this.worker = new RecognitionWorker(slot, recognizer, tracker, results);
        this.status = status;
        this.workerThread = new Thread(worker, "digitcam-worker");
        workerThread.setDaemon(true);
        workerThread.start();
    }

    public RecognitionWorker worker() {
        return worker;
    }

    /** Starts grabbing from {@code source}, stopping (and closing) the previous one first. */
    public synchronized void play(FrameSource source) {
        stopSource();
        worker.resetTracks();
        grab = new GrabLoop(source, slot, status);
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
    public synchronized double cameraFps() {
        return grab == null ? 0 : grab.fps();
    }

    /** Frames the worker had no time for and skipped. */
    public long dropped() {
        return slot.dropped();
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
