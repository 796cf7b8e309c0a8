package io.digitcam.synth;

import io.digitcam.vision.Box;
import java.util.Set;

/**
 * One digit drawn in a generated scene: its label, the tight box of its visible ink in frame
 * pixels, and the conditions it was drawn under (its ink, surface and polarity at least).
 */
public record SynthDigit(int label, Box box, Set<Condition> conditions) {
    public SynthDigit {
        if (label < 0 || label > 9) {
            throw new IllegalArgumentException("label " + label);
        }
        conditions = Set.copyOf(conditions);
    }
}
