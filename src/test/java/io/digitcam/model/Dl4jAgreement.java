package io.digitcam.model;

import io.digitcam.data.DigitSet;
import io.digitcam.train.Evaluator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The compiled inference path must answer as DL4J itself does for the same model file. */
public final class Dl4jAgreement {
    private Dl4jAgreement() {
    }

    public static void assertAgree(Path model, DigitSet sample, double tolerance) throws IOException {
        DigitClassifier compiled = DigitClassifier.load(model);
        DigitClassifier dl4j = DigitClassifier.load(model, 1, false);
        assertThat(compiled.compiled()).isTrue();
        assertThat(dl4j.compiled()).isFalse();
        List<byte[]> crops = new ArrayList<>();
        for (int i = 0; i < sample.size(); i++) {
            crops.add(Evaluator.crop(sample, i));
        }
        List<DigitPrediction> a = compiled.classify(crops);
        List<DigitPrediction> b = dl4j.classify(crops);
        for (int i = 0; i < crops.size(); i++) {
            assertThat(a.get(i).label()).as("label of crop %d", i).isEqualTo(b.get(i).label());
            assertThat(a.get(i).probability()).as("probability of crop %d", i)
                    .isCloseTo(b.get(i).probability(), within(tolerance));
            assertThat(a.get(i).runnerUp()).isNotEqualTo(a.get(i).label());
            assertThat(a.get(i).runnerUpProbability()).isLessThanOrEqualTo(a.get(i).probability());
        }
    }
}
