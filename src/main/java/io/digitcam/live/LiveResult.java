package io.digitcam.live;

import io.digitcam.recognize.Recognition;
import io.digitcam.source.FrameImage;
import io.digitcam.track.Tracking;

/**
 * One processed frame, from the worker to the UI thread. Immutable by hand-over: the arrays are
 * written once by the worker and only read afterwards.
 *
 * @param frame       the frame as grabbed (captures save exactly this)
 * @param bgra        the same pixels as premultiplied BGRA, ready for the display buffer
 * @param reading     what the reading pipeline made of it; null when no model is loaded
 * @param latencyMillis time from grab to this result
 */
public record LiveResult(FrameImage frame, byte[] bgra, LiveReading reading, double latencyMillis,
                         double processingFps) {
    /**
     * This frame's own reading (what {@code digitcam predict} says of the frame); null without a
     * model. Reads the frame's digits into numbers on each call: test {@link #reading()} for null.
     */
    public Recognition recognition() {
        return reading == null ? null : reading.recognition();
    }

    /** The steadied reading the overlay shows. */
    public Tracking tracking() {
        return reading == null ? Tracking.EMPTY : reading.tracking();
    }

    /** The ink mask and the normalised crops, when the debug view is on; else null. */
    public LiveReading.DebugView debug() {
        return reading == null ? null : reading.debug();
    }
}
