package io.digitcam.live;

import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2BGRA;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_GRAY2BGRA;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

import io.digitcam.model.ModelLoadException;
import io.digitcam.recognize.RecognitionSettings;
import io.digitcam.recognize.Recognizer;
import io.digitcam.render.DebugImages;
import io.digitcam.track.DigitTracker;
import io.digitcam.track.TrackerSettings;
import java.nio.file.Path;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * The reading pipeline of live video, assembled in one place: the four stages
 * ({@link Recognizer}) and the tracker that steadies their labels across frames, both grouping
 * digits into numbers with the same {@code NumberReader}. One frame in, one immutable
 * {@link LiveReading} out; numbers are read once per frame, from the tracker's digits (the
 * frame's own are read only if someone asks, e.g. a capture).
 *
 * <p>The app's worker, {@code digitcam watch} and the pipeline benchmarks all run frames through
 * this. Not thread-safe: the networks and the tracker belong to one thread (the worker's); only
 * {@link #setMinConfidence} may come from another (the recognizer's threshold is volatile).
 */
public final class ReadingPipeline {
    private final Recognizer recognizer;
    private final DigitTracker tracker;

    public ReadingPipeline(Recognizer recognizer, TrackerSettings tracking) {
        this.recognizer = recognizer;
        this.tracker = new DigitTracker(tracking, recognizer.numberReader());
    }

    /** Loads both networks and builds the pipeline the app runs, with the default tracking. */
    public static ReadingPipeline load(Path model, int threads, Path verifier, RecognitionSettings settings)
            throws ModelLoadException {
        return new ReadingPipeline(Recognizer.load(model, threads, verifier, settings), TrackerSettings.DEFAULT);
    }

    /** The four stages alone, for a still image (there is nothing to track). */
    public Recognizer recognizer() {
        return recognizer;
    }

    /** From the UI thread (the threshold slider); the worker sees it from the next frame. */
    public void setMinConfidence(double value) {
        recognizer.setMinConfidence(value);
    }

    /** Forgets every track: the next frame starts afresh (a new source). On the reading thread. */
    public void reset() {
        tracker.reset();
    }

    /**
     * Reads one BGR frame seen at {@code nanos} ({@link System#nanoTime()}, the tracker's clock for
     * "held still"); with {@code debug} also the ink mask and crops as display pixels.
     */
    public LiveReading read(Mat bgr, long nanos, boolean debug) {
        try (Recognizer.Trace trace = recognizer.trace(bgr)) {
            var tracking = tracker.update(trace.digits().digits(), nanos);
            return new LiveReading(trace.digits(), recognizer.numberReader(), tracking,
                    debug ? debugView(trace) : null);
        }
    }

    private static LiveReading.DebugView debugView(Recognizer.Trace trace) {
        try (Mat ink = trace.inkView(); Mat mask = new Mat();
             Mat crops = DebugImages.crops(trace.crops(), trace.predictions()); Mat cropsBgra = new Mat()) {
            cvtColor(ink, mask, COLOR_GRAY2BGRA);
            cvtColor(crops, cropsBgra, COLOR_BGR2BGRA);
            byte[] m = new byte[mask.cols() * mask.rows() * 4];
            mask.data().get(m);
            byte[] c = new byte[cropsBgra.cols() * cropsBgra.rows() * 4];
            cropsBgra.data().get(c);
            return new LiveReading.DebugView(mask.cols(), mask.rows(), m, cropsBgra.cols(), cropsBgra.rows(), c);
        }
    }
}
