package io.digitcam.recognize;

import java.util.List;

/**
 * A frame's digits as the four stages leave them before they are read into numbers: each one
 * reported digit per place, in no particular order. Grouping is the caller's last step, done
 * once: {@code predict} groups these, the live view groups the tracker's steadied digits instead.
 *
 * @param millis time spent proposing, verifying and classifying
 */
public record FrameDigits(int width, int height, List<RecognizedDigit> digits, double millis) {
    public FrameDigits {
        digits = List.copyOf(digits);
    }
}
