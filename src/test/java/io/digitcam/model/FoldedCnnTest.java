package io.digitcam.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.params.BatchNormalizationParamInitializer;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FoldedCnnTest {
    /**
     * DL4J stores a batch norm's spread as log10 of the plain standard deviation and adds epsilon
     * to the variance only at inference. With typical variances the difference hides in float
     * noise; with a variance near epsilon it decides the answer.
     */
    @Test
    void batchNormWithAVarianceNearEpsilonMatchesDl4j(@TempDir Path dir) throws IOException {
        MultiLayerNetwork net = ModelSerializer.restoreMultiLayerNetwork(
                Path.of("models/digitcam-cnn.zip").toFile(), false);
        net.getLayer(1).paramTable(false).get(BatchNormalizationParamInitializer.GLOBAL_LOG_STD).assign(-2.5);
        Path file = dir.resolve("tiny-variance.zip");
        ModelSerializer.writeModel(net, file.toFile(), false);

        DigitClassifier compiled = DigitClassifier.load(file);
        DigitClassifier dl4j = DigitClassifier.load(file, 1, false);
        assertThat(compiled.compiled()).isTrue();
        DigitSet sample = TestData.slice(0, 200);
        List<byte[]> crops = new ArrayList<>();
        for (int i = 0; i < sample.size(); i++) {
            crops.add(Evaluator.crop(sample, i));
        }
        List<DigitPrediction> a = compiled.classify(crops);
        List<DigitPrediction> b = dl4j.classify(crops);
        for (int i = 0; i < crops.size(); i++) {
            assertThat(a.get(i).label()).isEqualTo(b.get(i).label());
            assertThat(a.get(i).probability()).isCloseTo(b.get(i).probability(), within(1e-3));
        }
    }
}
