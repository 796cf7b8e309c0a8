package io.digitcam.recognize;

import io.digitcam.vision.DetectionSettings;
import io.digitcam.vision.NormalizerSettings;

/**
 * All settings of the reading pipeline.
 *
 * @param minConfidence a region is reported as a digit only if the classifier is at least this sure
 * @param lineOverlap   see {@link NumberReader}
 * @param numberGap     see {@link NumberReader}
 */
public record RecognitionSettings(DetectionSettings detection, NormalizerSettings normalizer, double minConfidence,
                                  double lineOverlap, double numberGap) {
    public static final RecognitionSettings DEFAULT = new RecognitionSettings(DetectionSettings.DEFAULT,
            NormalizerSettings.DEFAULT, 0.6, 0.5, 0.8);

    public RecognitionSettings withMinConfidence(double value) {
        return new RecognitionSettings(detection, normalizer, value, lineOverlap, numberGap);
    }
}
