package io.digitcam.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class ConvFeaturesTest {
    @Test
    void theCompiledTrunkGivesWhatDl4jsFirstDenseLayerReads() throws Exception {
        MultiLayerNetwork net = ModelSerializer.restoreMultiLayerNetwork(Path.of("models/digitcam-cnn.zip").toFile(), false);
        int last = SecondHead.lastFeatureLayer(net);
        var sample = TestData.slice(0, 32);
        float[] x = new float[32 * DigitImages.PIXELS];
        DigitImages.toUnit(sample.pixels(), 0, x, 0, x.length);

        float[] compiled = ConvFeatures.of(net, DigitImages.SIDE).compute(x, 32);
        INDArray a = net.feedForwardToLayer(last, Batches.features(x, 32), false).get(last + 1);
        float[] dl4j = a.dup('c').reshape('c', 32, a.length() / 32).data().asFloat();

        assertThat(compiled).hasSameSizeAs(dl4j);
        double worst = 0;
        for (int i = 0; i < dl4j.length; i++) {
            worst = Math.max(worst, Math.abs(compiled[i] - dl4j[i]));
        }
        assertThat(worst).isLessThan(1e-4);
    }
}
