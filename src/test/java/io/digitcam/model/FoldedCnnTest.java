package io.digitcam.model;

import java.io.IOException;
import java.nio.file.Path;
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

        Dl4jAgreement.assertAgree(file, TestData.slice(0, 200), 1e-3);
    }
}
