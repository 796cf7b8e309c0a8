package io.digitcam.synth;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Set;

/**
 * A generated webcam-like frame and its ground truth.
 *
 * @param image      TYPE_3BYTE_BGR, as a camera frame reaches the pipeline
 * @param digits     every digit meant to be read; digits cut by the frame edge so far that a
 *                   person could not read them are left out of the truth (and of the numbers)
 * @param numbers    the numbers as a reader should report them: by line top to bottom, each
 *                   left to right; empty for a frame with no digit
 * @param conditions the scene-wide conditions (light, camera, framing, clutter)
 */
public record SynthScene(BufferedImage image, List<SynthDigit> digits, List<String> numbers,
                         Set<Condition> conditions) {
    public SynthScene {
        if (image.getType() != BufferedImage.TYPE_3BYTE_BGR) {
            throw new IllegalArgumentException("scene image must be TYPE_3BYTE_BGR");
        }
        digits = List.copyOf(digits);
        numbers = List.copyOf(numbers);
        conditions = Set.copyOf(conditions);
    }

    public boolean isEmpty() {
        return digits.isEmpty();
    }
}
