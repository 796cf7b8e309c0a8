package io.digitcam.model;

import io.digitcam.data.DigitSet;
import io.digitcam.data.MnistData;
import io.digitcam.train.Evaluator;
import io.digitcam.train.ModelFiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The model in models/ is what users run: it is scored on the full MNIST test set. */
@org.junit.jupiter.api.Tag("slow")
class ShippedModelTest {
    static final Path MODEL = Path.of("models/digitcam-cnn.zip");
    /** Issue #2's target. */
    static final double TARGET = 0.996;
    static Evaluator.Result result;
    static DigitClassifier classifier;

    @BeforeAll
    static void evaluate() throws IOException {
        classifier = DigitClassifier.load(MODEL);
        result = Evaluator.evaluate(classifier, TestData.mnistTest());
    }

    @Test
    void usesTheCompiledPathOnAllTenThousandImages() {
        assertThat(classifier.compiled()).isTrue();
        assertThat(classifier.hasSecondHead()).isTrue();
        assertThat(result.evaluation().getNumRowCounter()).isEqualTo(10_000);
    }

    @Test
    void scoresWhatItsMetricsFileSays() throws IOException {
        JsonNode metrics = new ObjectMapper().readTree(new ModelFiles(MODEL).metrics().toFile());
        assertThat(result.accuracy()).isCloseTo(metrics.get("testAccuracy").asDouble(), within(1e-9));
        assertThat(result.accuracy()).as("MNIST test accuracy of %s (issue #2's target)", MODEL)
                .isGreaterThanOrEqualTo(TARGET);
        assertThat(metrics.get("parameters").asLong()).isEqualTo(classifier.parameters());
    }


    @Test
    void answersNotADigitForNonDigits() throws IOException {
        assertThat(classifier.outputs()).isEqualTo(11);
        DigitSet junk = MnistData.nonDigits(Path.of("models/non-digits-idx3-ubyte.gz"));
        java.util.List<byte[]> crops = new java.util.ArrayList<>();
        for (int i = 0; i < junk.size(); i += 20) {
            crops.add(Evaluator.crop(junk, i));
        }
        long rejected = classifier.classify(crops).stream().filter(DigitPrediction::rejected).count();
        // Most of these were training data; the point is that the class works in the shipped model.
        assertThat(rejected / (double) crops.size()).isGreaterThan(0.95);
    }

}
