package io.digitcam.recognize;

import io.digitcam.vision.DetectionSettings;
import io.digitcam.vision.NormalizerSettings;

/**
 * All settings of the reading pipeline.
 *
 * @param minConfidence   a region is reported as a digit only if the classifier is at least this sure
 * @param lineOverlap     see {@link NumberReader}
 * @param numberGap       see {@link NumberReader}
 * @param besideDigits    how sure the classifier must be of <em>which</em> digit a region is, its
 *                        "not a digit" share left out, for the region to be read when it stands in
 *                        a number beside digits already read (never below {@code minConfidence}).
 *                        The model learnt "not a digit" from clutter, and a serif "1" with its
 *                        foot, or a bold printed "8", looks more like clutter than like MNIST; in a
 *                        row of digits of its size and ink, it is not clutter. On 1,000 generated
 *                        scenes this read 94.6% of digits instead of 93.2%, 89.5% of numbers
 *                        instead of 87.6%, with the same false digits on empty frames; 0.75 read
 *                        no more numbers and 5 more false digits beside real ones
 */
public record RecognitionSettings(DetectionSettings detection, NormalizerSettings normalizer, double minConfidence,
                                  double lineOverlap, double numberGap, double besideDigits) {
    public static final RecognitionSettings DEFAULT = new RecognitionSettings(DetectionSettings.DEFAULT,
            NormalizerSettings.DEFAULT, 0.6, 0.5, 0.8, 0.9);

    public RecognitionSettings withMinConfidence(double value) {
        return new RecognitionSettings(detection, normalizer, value, lineOverlap, numberGap, besideDigits);
    }
}
