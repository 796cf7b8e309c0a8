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
 * @param recognition this frame's own reading (what {@code digitcam predict} says of the frame);
 *                    null when no model is loaded
 * @param tracking    the steadied reading the overlay shows
 * @param debug       the ink mask and the normalised crops, when the debug view is on
 * @param latencyMillis time from grab to this result
 */
public record LiveResult(FrameImage frame, byte[] bgra, Recognition recognition, Tracking tracking,
                         DebugView debug, double latencyMillis, double processingFps) {
    /** Debug images, premultiplied BGRA. */
    public record DebugView(int maskWidth, int maskHeight, byte[] mask, int cropsWidth, int cropsHeight, byte[] crops) {
    }
}
