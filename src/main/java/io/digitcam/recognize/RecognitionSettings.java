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
 * @param doubtedAlone    how sure the classifier must be of a digit other than "1", read from a
 *                        region the detector doubted (uneven surroundings on two sides, such as
 *                        a sheet's corner), for it to count without a digit beside it. A large
 *                        digit held close to the camera has the room beyond the sheet on two
 *                        sides. On 1,000 generated scenes 0.995 read two more digits ("6" and "3"
 *                        at 1.00) with no more false digits, there or on the second set; 0.9
 *                        read no more digits and one more false digit per 250 empty frames
 */
public record RecognitionSettings(DetectionSettings detection, NormalizerSettings normalizer, double minConfidence,
                                  double lineOverlap, double numberGap, double besideDigits, double doubtedAlone) {
    public static final RecognitionSettings DEFAULT = new RecognitionSettings(DetectionSettings.DEFAULT,
            NormalizerSettings.DEFAULT, 0.6, 0.5, 0.8, 0.9, 0.995);

    public RecognitionSettings withMinConfidence(double value) {
        return new RecognitionSettings(detection, normalizer, value, lineOverlap, numberGap, besideDigits,
                doubtedAlone);
    }
}
