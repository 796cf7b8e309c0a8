package io.digitcam.synth.classic;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * A generated webcam-like frame and its ground truth: every digit's label and box in frame
 * pixels, the numbers as a reader should report them (by line, left to right), and whether the
 * digits are font digits rather than handwriting.
 */
public record Scene(BufferedImage image, Kind kind, List<Digit> digits, List<String> numbers, boolean printed) {
    public enum Kind {
        /** Dark ink on paper held in front of a cluttered room. */
        PAPER,
        /** Light chalk or marker on a dark board. */
        BOARD,
        /** Clutter and maybe a blank sheet: no digit at all. */
        EMPTY
    }

    public record Digit(int label, Rectangle box) {
    }
}
