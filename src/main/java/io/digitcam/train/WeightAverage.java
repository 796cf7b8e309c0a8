package io.digitcam.train;

import io.digitcam.model.Batches;
import io.digitcam.model.DigitImages;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.params.BatchNormalizationParamInitializer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Stochastic weight averaging: the mean of weight snapshots taken along the late, low-rate part
 * of a run. Each snapshot sits somewhere different on the floor of the loss valley; their mean
 * lies nearer its middle and generalises better than any one of them, for the price of one
 * vector of parameters. The batch-norm statistics of averaged weights are not the average of
 * the snapshots' statistics, so {@link #averaged} measures them again.
 */
final class WeightAverage {
    private static final int CALIBRATION_BATCH = 500;

    private INDArray sum;
    private int count;

    WeightAverage() {
    }

    private WeightAverage(INDArray sum, int count) {
        this.sum = sum;
        this.count = count;
    }

    void add(MultiLayerNetwork net) {
        INDArray params = net.params().castTo(DataType.DOUBLE);
        if (sum == null) {
            sum = params.dup();
        } else {
            sum.addi(params);
        }
        count++;
    }

    int count() {
        return count;
    }

    /**
     * A copy of {@code like} carrying the averaged weights, its batch norms re-measured on
     * {@code calibration} (images in [0,1], one row of {@link DigitImages#PIXELS} each).
     */
    MultiLayerNetwork averaged(MultiLayerNetwork like, float[][] calibration) {
        if (count == 0) {
            throw new IllegalStateException("no snapshots averaged yet");
        }
        MultiLayerNetwork net = like.clone();
        net.setParams(sum.div(count).castTo(like.params().dataType()));
        recalibrate(net, calibration);
        return net;
    }

    /**
     * Sets each batch norm's running mean and variance to the exact statistics of its input over
     * {@code images}, layer by layer, so every layer sees inputs already normalised with the new
     * statistics of the layers before it.
     */
    static void recalibrate(MultiLayerNetwork net, float[][] images) {
        List<INDArray> batches = new ArrayList<>();
        for (int from = 0; from < images.length; from += CALIBRATION_BATCH) {
            int rows = Math.min(CALIBRATION_BATCH, images.length - from);
            float[] pixels = new float[rows * DigitImages.PIXELS];
            for (int i = 0; i < rows; i++) {
                System.arraycopy(images[from + i], 0, pixels, i * DigitImages.PIXELS, DigitImages.PIXELS);
            }
            batches.add(Batches.features(pixels, rows));
        }
        for (int layer = 0; layer < net.getnLayers(); layer++) {
            if (!(net.getLayer(layer).conf().getLayer() instanceof BatchNormalization)) {
                continue;
            }
            double[] sum = null;
            double[] squares = null;
            long n = 0;
            for (INDArray features : batches) {
                INDArray x = layer == 0 ? features : net.feedForwardToLayer(layer - 1, features, false).get(layer);
                int[] axes = x.rank() == 4 ? new int[] {0, 2, 3} : new int[] {0};
                double[] s = x.sum(axes).toDoubleVector();
                double[] q = x.mul(x).sum(axes).toDoubleVector();
                if (sum == null) {
                    sum = new double[s.length];
                    squares = new double[s.length];
                }
                for (int c = 0; c < s.length; c++) {
                    sum[c] += s[c];
                    squares[c] += q[c];
                }
                n += x.length() / s.length;
            }
            set(net, layer, sum, squares, n);
        }
    }

    private static void set(MultiLayerNetwork net, int layer, double[] sum, double[] squares, long n) {
        var params = net.getLayer(layer).paramTable(false);
        INDArray mean = params.get(BatchNormalizationParamInitializer.GLOBAL_MEAN);
        INDArray logStd = params.get(BatchNormalizationParamInitializer.GLOBAL_LOG_STD);
        INDArray var = params.get(BatchNormalizationParamInitializer.GLOBAL_VAR);
        for (int c = 0; c < sum.length; c++) {
            double m = sum[c] / n;
            double v = Math.max(0, squares[c] / n - m * m);
            mean.putScalar(c, m);
            // Stored as training leaves it, without epsilon: inference divides by sqrt(var + eps).
            if (logStd != null) {
                logStd.putScalar(c, 0.5 * Math.log10(Math.max(v, 1e-12)));
            } else {
                var.putScalar(c, v);
            }
        }
    }

    /** Keeps the running sum next to a checkpoint so a resumed run goes on averaging. */
    void write(Path file) throws IOException {
        if (sum == null) {
            Files.deleteIfExists(file);
            return;
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Nd4j.saveBinary(sum, tmp.toFile());
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    static WeightAverage read(Path file, int count) throws IOException {
        if (count == 0) {
            return new WeightAverage();
        }
        if (!Files.isRegularFile(file)) {
            throw new IOException("cannot resume weight averaging: " + file + " not found");
        }
        return new WeightAverage(Nd4j.readBinary(file.toFile()), count);
    }
}
