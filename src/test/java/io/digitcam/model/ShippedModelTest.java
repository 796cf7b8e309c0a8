package io.digitcam.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The model in models/ is what users run: it must meet the promised MNIST accuracy. */
class ShippedModelTest {
    static final Path MODEL = Path.of("models/digitcam-cnn.zip");

    @Test
    void scoresAtLeast99point6PercentOnTheMnistTestSet() throws IOException {
        DigitClassifier classifier = DigitClassifier.load(MODEL);
        assertThat(classifier.compiled()).isTrue();
        Evaluator.Result result = Evaluator.evaluate(classifier, TestData.mnistTest());
        assertThat(result.evaluation().getNumRowCounter()).isEqualTo(10_000);
        assertThat(result.accuracy()).isGreaterThanOrEqualTo(0.996);
    }
}
