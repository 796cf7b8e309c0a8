package io.digitcam.live;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2BGRA;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

import io.digitcam.source.FrameImage;
import java.util.function.Consumer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker thread: takes the newest frame, runs it through the {@link ReadingPipeline}
 * (propose → verify → classify → track → group), converts the pixels for display, and hands an
 * immutable {@link LiveResult} on. All vision and inference happen here, never on the UI thread;
 * every native Mat is released before the next frame.
 */
public final class RecognitionWorker implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(RecognitionWorker.class);

    private final LatestSlot<FrameImage> in;
    private final Consumer<LiveResult> out;
    private final RateMeter rate = new RateMeter();
    private volatile ReadingPipeline pipeline;
    private volatile boolean debug;
    private volatile boolean resetTracks;

    /** {@code pipeline} may be null (no model yet, or a broken one): the video still shows. */
    public RecognitionWorker(LatestSlot<FrameImage> in, ReadingPipeline pipeline, Consumer<LiveResult> out) {
        this.in = in;
        this.pipeline = pipeline;
        this.out = out;
    }

    /** A new pipeline (a model loaded) starts with no tracks of its own. */
    public void setPipeline(ReadingPipeline pipeline) {
        this.pipeline = pipeline;
    }

    public ReadingPipeline pipeline() {
        return pipeline;
    }

    public void setDebug(boolean on) {
        debug = on;
    }

    /** Tracks belong to one source: forget them when it changes. */
    public void resetTracks() {
        resetTracks = true;
    }

    @Override
    public void run() {
        try {
            FrameImage frame;
            while ((frame = in.take()) != null) {
                try {
                    out.accept(process(frame));
                } catch (RuntimeException e) {
                    // One bad frame must not end the live view.
                    LOG.warn("frame {} could not be processed: {}", frame.sequence(), e.toString());
                } finally {
                    in.done();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One frame through the whole pipeline; public for the pipeline benchmark and tests. */
    public LiveResult process(FrameImage frame) {
        ReadingPipeline p = pipeline;
        if (resetTracks) {
            resetTracks = false;
            if (p != null) {
                p.reset();
            }
        }
        try (Mat bgr = new Mat(frame.height(), frame.width(), CV_8UC3); Mat bgra = new Mat()) {
            bgr.data().put(frame.bgr());
            LiveReading reading = p == null ? null : p.read(bgr, System.nanoTime(), debug);
            cvtColor(bgr, bgra, COLOR_BGR2BGRA);
            byte[] pixels = new byte[frame.width() * frame.height() * 4];
            bgra.data().get(pixels);
            long now = System.nanoTime();
            rate.tick(now);
            return new LiveResult(frame, pixels, reading, (now - frame.grabbedNanos()) / 1e6, rate.perSecond(now));
        }
    }
}
