package io.digitcam.live;

import io.digitcam.recognize.FrameDigits;
import io.digitcam.recognize.NumberReader;
import io.digitcam.recognize.Recognition;
import io.digitcam.track.Tracking;

/**
 * What {@link ReadingPipeline} made of one frame. Immutable, handed from the worker to other
 * threads (the UI, {@code digitcam watch}).
 *
 * @param found    the frame's own digits, before grouping
 * @param reader   how {@link #recognition()} reads them into numbers (immutable)
 * @param tracking the steadied reading: tracked digits, their numbers and those read (held still)
 * @param debug    the ink mask and the normalised crops, when asked for; else null
 */
public record LiveReading(FrameDigits found, NumberReader reader, Tracking tracking, DebugView debug) {
    /**
     * This frame's own reading, what {@code digitcam predict} says of the frame. Grouped on each
     * call, not per frame: the live view shows the tracker's numbers, and only a capture (or a
     * test) wants the frame's.
     */
    public Recognition recognition() {
        return reader.recognition(found);
    }

    /** Debug images, premultiplied BGRA. */
    public record DebugView(int maskWidth, int maskHeight, byte[] mask, int cropsWidth, int cropsHeight, byte[] crops) {
    }
}
