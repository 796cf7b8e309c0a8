package io.digitcam.live;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2BGRA;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_GRAY2BGRA;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

import io.digitcam.recognize.Recognizer;
import io.digitcam.render.DebugImages;
import io.digitcam.source.FrameImage;
import io.digitcam.track.DigitTracker;
import io.digitcam.track.Tracking;
import java.util.function.Consumer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker thread: takes the newest frame, reads it (detect → normalise → classify in one
 * batch), steadies the reading with the tracker, converts the pixels for display, and hands an
 * immutable {@link LiveResult} on. All vision and inference happen here, never on the UI thread;
 * every native Mat is released before the next frame.
 */
public final class RecognitionWorker implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(RecognitionWorker.class);

    private final LatestSlot<FrameImage> in;
    private final Consumer<LiveResult> out;
    private final RateMeter rate = new RateMeter();
    private volatile Recognizer recognizer;
    private volatile DigitTracker tracker;
    private volatile boolean debug;
    private volatile boolean resetTracks;

    /** {@code recognizer} may be null (no model yet, or a broken one): the video still shows. */
    public RecognitionWorker(LatestSlot<FrameImage> in, Recognizer recognizer, DigitTracker tracker,
                             Consumer<LiveResult> out) {
        this.in = in;
        this.recognizer = recognizer;
        this.tracker = tracker;
        this.out = out;
    }

    public void setRecognizer(Recognizer recognizer) {
        this.recognizer = recognizer;
        this.resetTracks = true;
    }

    public Recognizer recognizer() {
        return recognizer;
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
        if (resetTracks) {
            resetTracks = false;
            tracker.reset();
        }
        Recognizer r = recognizer;
        try (Mat bgr = new Mat(frame.height(), frame.width(), CV_8UC3); Mat bgra = new Mat()) {
            bgr.data().put(frame.bgr());
            io.digitcam.recognize.Recognition recognition = null;
            Tracking tracking = Tracking.EMPTY;
            LiveResult.DebugView debugView = null;
            if (r != null) {
                try (Recognizer.Trace trace = r.trace(bgr)) {
                    recognition = trace.recognition();
                    tracking = tracker.update(recognition, System.nanoTime());
                    if (debug) {
                        debugView = debugView(trace);
                    }
                }
            }
            cvtColor(bgr, bgra, COLOR_BGR2BGRA);
            byte[] pixels = new byte[frame.width() * frame.height() * 4];
            bgra.data().get(pixels);
            long now = System.nanoTime();
            rate.tick(now);
            return new LiveResult(frame, pixels, recognition, tracking, debugView,
                    (now - frame.grabbedNanos()) / 1e6, rate.perSecond(now));
        }
    }

    private static LiveResult.DebugView debugView(Recognizer.Trace trace) {
        try (Mat ink = trace.inkView(); Mat mask = new Mat();
             Mat crops = DebugImages.crops(trace.crops(), trace.predictions()); Mat cropsBgra = new Mat()) {
            cvtColor(ink, mask, COLOR_GRAY2BGRA);
            cvtColor(crops, cropsBgra, COLOR_BGR2BGRA);
            byte[] m = new byte[mask.cols() * mask.rows() * 4];
            mask.data().get(m);
            byte[] c = new byte[cropsBgra.cols() * cropsBgra.rows() * 4];
            cropsBgra.data().get(c);
            return new LiveResult.DebugView(mask.cols(), mask.rows(), m, cropsBgra.cols(), cropsBgra.rows(), c);
        }
    }
}
