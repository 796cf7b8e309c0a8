package io.digitcam.keras;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.digitcam.model.DigitClassifier;
import io.digitcam.model.DigitImages;
import io.digitcam.model.DigitPrediction;
import io.digitcam.data.DigitSet;
import io.digitcam.data.MnistData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every committed Keras fixture (src/test/keras/make_fixtures.py) imported and run on the same 20
 * MNIST test digits Keras ran it on: DL4J must give Keras's probabilities to 1e-5.
 */
class KerasImportTest {
    static final Path FIXTURES = Path.of("src/test/resources/keras");
    static final double TOLERANCE = 1e-5;
    static DigitSet mnist;

    @TempDir
    Path dir;

    @BeforeAll
    static void loadMnist() throws Exception {
        mnist = MnistData.test(Path.of("src/test/resources/mnist"));
    }

    /** Keras's stored probabilities for a fixture, and the digits they are for. */
    static float[][] kerasPredictions(String name) throws Exception {
        JsonNode json = new ObjectMapper().readTree(FIXTURES.resolve(name + ".predictions.json").toFile());
        JsonNode probs = json.get("probabilities");
        float[][] out = new float[probs.size()][];
        for (int i = 0; i < probs.size(); i++) {
            assertThat(json.get("mnistTestIndices").get(i).asInt()).isEqualTo(i);
            out[i] = new float[probs.get(i).size()];
            for (int c = 0; c < out[i].length; c++) {
                out[i][c] = (float) probs.get(i).get(c).asDouble();
            }
        }
        return out;
    }

    static List<byte[]> crops(int n) {
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            byte[] crop = new byte[DigitImages.PIXELS];
            System.arraycopy(mnist.pixels(), i * DigitImages.PIXELS, crop, 0, crop.length);
            out.add(crop);
        }
        return out;
    }

    static float[][] dl4jPredictions(ImportedModel model, int n) {
        float[] unit = new float[n * DigitImages.PIXELS];
        DigitImages.toUnit(mnist.pixels(), 0, unit, 0, unit.length);
        return model.network().output(model.input().features(unit, n), false).toFloatMatrix();
    }

    static void assertClose(float[][] actual, float[][] expected) {
        assertThat(actual.length).isEqualTo(expected.length);
        double worst = 0;
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).hasSize(10);
            for (int c = 0; c < 10; c++) {
                worst = Math.max(worst, Math.abs(actual[i][c] - expected[i][c]));
            }
        }
        assertThat(worst).as("largest difference from Keras's probabilities").isLessThan(TOLERANCE);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "mlp-keras3.keras,      mlp-keras3,     , FLAT, 28, 255, true",
        "lenet-keras3.h5,       lenet-keras3,   , NHWC, 32, 255, false",
        "cnn-bn-keras3.keras,   cnn-bn-keras3,  , NHWC, 28, 255, false",
        "mlp-raw-keras2.h5,     mlp-raw-keras2, 1, FLAT, 28, 1,   true",
        "cnn-chw-keras2.json,   cnn-chw-keras2, , NHWC, 28, 255, true",
    })
    void importedModelGivesKerasProbabilities(String file, String name, Double pixelScale, InputSpec.Layout layout,
                                              int side, double divisor, boolean compiled) throws Exception {
        ImportedModel model = KerasImporter.importModel(FIXTURES.resolve(file), null, pixelScale);
        assertThat(model.input().layout()).isEqualTo(layout);
        assertThat(model.input().side()).isEqualTo(side);
        assertThat(model.input().divisor()).isCloseTo(divisor, org.assertj.core.data.Offset.offset(1e-9));
        float[][] expected = kerasPredictions(name);
        assertClose(dl4jPredictions(model, expected.length), expected);

        // Saved and loaded back as --model does: the same numbers through DigitClassifier.
        Path zip = dir.resolve(name + ".zip");
        model.save(zip);
        DigitClassifier classifier = DigitClassifier.load(zip);
        // The compiled path where the layers allow it (28×28 input; ReLU, softmax, max pooling;
        // batch norm only before an activation): LeNet's tanh and 32×32 input and cnn-bn's
        // batch norm after ReLU stay on DL4J's.
        assertThat(classifier.compiled()).as("on the compiled path").isEqualTo(compiled);
        assertClassifierAgrees(classifier, expected);
        if (compiled) {
            assertCompiledMatchesDl4j(classifier, DigitClassifier.load(zip, 1, false));
        }
    }

    /** The compiled path and DL4J's on 500 test digits: the same labels, probabilities within 1e-5. */
    static void assertCompiledMatchesDl4j(DigitClassifier compiled, DigitClassifier dl4j) {
        assertThat(dl4j.compiled()).isFalse();
        List<byte[]> crops = crops(500);
        List<DigitPrediction> a = compiled.classify(crops);
        List<DigitPrediction> b = dl4j.classify(crops);
        double worst = 0;
        for (int i = 0; i < crops.size(); i++) {
            assertThat(a.get(i).label()).isEqualTo(b.get(i).label());
            worst = Math.max(worst, Math.abs(a.get(i).probability() - b.get(i).probability()));
            worst = Math.max(worst, Math.abs(a.get(i).runnerUpProbability() - b.get(i).runnerUpProbability()));
        }
        assertThat(worst).as("largest difference between the compiled path and DL4J").isLessThan(TOLERANCE);
    }

    static void assertClassifierAgrees(DigitClassifier classifier, float[][] expected) {
        assertThat(classifier.outputs()).isEqualTo(10);
        assertThat(classifier.input()).isNotNull();
        List<DigitPrediction> predictions = classifier.classify(crops(expected.length));
        for (int i = 0; i < expected.length; i++) {
            int best = 0;
            for (int c = 1; c < 10; c++) {
                best = expected[i][c] > expected[i][best] ? c : best;
            }
            DigitPrediction p = predictions.get(i);
            assertThat(p.label()).isEqualTo(best);
            assertThat(p.probability()).isCloseTo(expected[i][best], org.assertj.core.data.Offset.offset(TOLERANCE));
            assertThat(p.nonDigitProbability()).isZero();
            assertThat(p.rejected()).isFalse();
        }
    }

    @Test
    void aKerasFileNamedAsTheModelIsImportedOnLoad() throws Exception {
        assertClassifierAgrees(DigitClassifier.load(FIXTURES.resolve("lenet-keras3.h5")), kerasPredictions("lenet-keras3"));
        // An architecture .json finds NAME.weights.h5 beside it.
        assertClassifierAgrees(DigitClassifier.load(FIXTURES.resolve("cnn-chw-keras2.json")),
                kerasPredictions("cnn-chw-keras2"));
    }

    @Test
    void droppedAndFoldedLayersAreNamedInTheNotes() throws Exception {
        ImportedModel model = KerasImporter.importModel(FIXTURES.resolve("cnn-bn-keras3.keras"), null, null);
        assertThat(model.notes()).anyMatch(n -> n.contains("RandomRotation") && n.contains("dropped"))
                .anyMatch(n -> n.contains("Rescaling") && n.contains("folded"));
        assertThat(model.kerasVersion()).startsWith("3.");
    }
}
