package io.digitcam.train;

import io.digitcam.model.TestData;

import io.digitcam.data.DigitSet;
import io.digitcam.model.DigitImages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.params.BatchNormalizationParamInitializer;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

@org.junit.jupiter.api.Tag("slow")
class WeightAverageTest {
    private static final Path SHIPPED = Path.of("models/digitcam-cnn.zip");

    @Test
    void recalibrationRestoresBatchNormStatisticsThatWereWiped() throws IOException {
        MultiLayerNetwork net = ModelSerializer.restoreMultiLayerNetwork(SHIPPED.toFile(), false);
        DigitSet test = TestData.slice(8_000, 1_000);
        double before = Scorer.score(net, test).accuracy();
        assertThat(before).isGreaterThan(0.98);

        // Running statistics far from the truth: the normalised activations become nonsense.
        for (int i = 0; i < net.getnLayers(); i++) {
            INDArray mean = net.getLayer(i).paramTable(false).get(BatchNormalizationParamInitializer.GLOBAL_MEAN);
            if (mean != null) {
                mean.assign(3);
            }
        }
        assertThat(Scorer.score(net, test).accuracy()).isLessThan(0.5);

        // Measured on augmented images, as the statistics were learned during training.
        WeightAverage.recalibrate(net, augmented(TestData.slice(0, 3_000)));
        assertThat(Scorer.score(net, test).accuracy()).isCloseTo(before, within(0.005));
    }

    @Test
    void averageIsTheMeanOfTheSnapshotsWeights() throws IOException {
        MultiLayerNetwork a = ModelSerializer.restoreMultiLayerNetwork(SHIPPED.toFile(), false);
        MultiLayerNetwork b = a.clone();
        b.getLayer(0).getParam("W").muli(3);
        WeightAverage average = new WeightAverage();
        average.add(a);
        average.add(b);
        MultiLayerNetwork mean = average.averaged(a, unit(TestData.slice(0, 500)));
        assertThat(average.count()).isEqualTo(2);
        INDArray expected = a.getLayer(0).getParam("W").mul(2);
        assertThat(mean.getLayer(0).getParam("W").equalsWithEps(expected, 1e-5)).isTrue();
        assertThat(mean.getLayer(4).getParam("W").equalsWithEps(a.getLayer(4).getParam("W"), 1e-6)).isTrue();
        assertThat(a.getLayer(0).getParam("W").equalsWithEps(b.getLayer(0).getParam("W").div(3), 1e-6)).isTrue();
    }

    @Test
    void runningSumSurvivesACheckpoint(@TempDir Path dir) throws IOException {
        MultiLayerNetwork net = ModelSerializer.restoreMultiLayerNetwork(SHIPPED.toFile(), false);
        WeightAverage average = new WeightAverage();
        average.add(net);
        average.add(net);
        Path file = dir.resolve("avg.bin");
        average.write(file);
        WeightAverage back = WeightAverage.read(file, average.count());
        back.add(net);
        float[][] calibration = unit(TestData.slice(0, 500));
        assertThat(back.averaged(net, calibration).params().equalsWithEps(average.averaged(net, calibration).params(),
                1e-5)).isTrue();
    }

    @Test
    void snapshotsAreSpreadOverTheEpochEndingWithItsLastBatch() {
        for (int iters : new int[] {1, 3, 4, 5, 568}) {
            int count = 0;
            for (int it = 0; it < iters; it++) {
                count += Trainer.isSnapshot(it, iters) ? 1 : 0;
            }
            assertThat(count).as("snapshots in %d iterations", iters)
                    .isEqualTo(Math.min(Trainer.SNAPSHOTS_PER_EPOCH, iters));
            assertThat(Trainer.isSnapshot(iters - 1, iters)).isTrue();
        }
        assertThat(Trainer.isSnapshot(141, 568)).isTrue();
        assertThat(Trainer.isSnapshot(140, 568)).isFalse();
    }

    private static float[][] augmented(DigitSet set) {
        float[][] images = new float[set.size()][DigitImages.PIXELS];
        try (Augmenter augmenter = new Augmenter(Augmenter.Ranges.DEFAULT, 7)) {
            for (int i = 0; i < set.size(); i++) {
                augmenter.augment(set.pixels(), i * DigitImages.PIXELS, images[i], 0);
            }
        }
        return images;
    }

    private static float[][] unit(DigitSet set) {
        float[][] images = new float[set.size()][DigitImages.PIXELS];
        for (int i = 0; i < set.size(); i++) {
            DigitImages.toUnit(set.pixels(), i * DigitImages.PIXELS, images[i], 0, DigitImages.PIXELS);
        }
        return images;
    }
}
