package io.digitcam.recognize;

import io.digitcam.propose.ProposalSettings;
import io.digitcam.vision.NormalizerSettings;

/**
 * All settings of the reading pipeline.
 *
 * @param minDigit      how sure the verifier must be that a candidate is one digit
 * @param minConfidence how sure the classifier must be of which digit it is (the app's slider)
 * @param lineOverlap   see {@link NumberReader}
 * @param numberGap     see {@link NumberReader}
 */
public record RecognitionSettings(ProposalSettings proposal, NormalizerSettings normalizer, double minDigit,
                              double minConfidence, double lineOverlap, double numberGap) {
    public static final RecognitionSettings DEFAULT = new RecognitionSettings(ProposalSettings.DEFAULT,
            NormalizerSettings.DEFAULT, 0.5, 0.6, 0.5, 0.8);

    public RecognitionSettings withMinConfidence(double value) {
        return new RecognitionSettings(proposal, normalizer, minDigit, value, lineOverlap, numberGap);
    }

    public RecognitionSettings withMinDigit(double value) {
        return new RecognitionSettings(proposal, normalizer, value, minConfidence, lineOverlap, numberGap);
    }
}
