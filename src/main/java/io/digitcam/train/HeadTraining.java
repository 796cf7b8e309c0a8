package io.digitcam.train;

import io.digitcam.model.ConvFeatures;
import io.digitcam.model.SecondHead;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Trains only the dense head of a network whose convolutional layers are frozen, on features
 * computed once: the head's layers as a network of their own, fed the flattened output of the
 * last feature layer, their parameters copied back into the whole network at the end.
 *
 * <p>DL4J's {@code TransferLearningHelper} does the same, but hands the head the original
 * network's input preprocessors under their old layer numbers; flattening here, as the
 * {@code CnnToFeedForwardPreProcessor} does (row-major, channels first), keeps it simple, and the
 * constructor checks that the head alone answers exactly what the whole network does.
 */
final class HeadTraining {
    private static final double SAME = 1e-4;

    private final MultiLayerNetwork net;
    private final int last;
    private final MultiLayerNetwork head;
    /** The frozen layers on the compiled path; null when they are not ones it handles. */
    private final ConvFeatures compiled;

    HeadTraining(MultiLayerNetwork net) {
        this.net = net;
        this.last = SecondHead.lastFeatureLayer(net);
        this.compiled = ConvFeatures.of(net, io.digitcam.model.DigitImages.SIDE);
        List<NeuralNetConfiguration> confs = new ArrayList<>();
        for (int i = last + 1; i < net.getnLayers(); i++) {
            confs.add(net.getLayerWiseConfigurations().getConf(i).clone());
        }
        MultiLayerConfiguration conf = new MultiLayerConfiguration.Builder().confs(confs)
                .dataType(net.getLayerWiseConfigurations().getDataType()).build();
        head = new MultiLayerNetwork(conf);
        head.init();
        for (int i = last + 1; i < net.getnLayers(); i++) {
            if (net.getLayer(i).numParams() > 0) {
                head.getLayer(i - last - 1).setParams(net.getLayer(i).params().dup());
            }
        }
        check();
    }

    /** The frozen layers' output for {@code count} images of unit pixels, one flat row per image. */
    INDArray features(float[] pixels, int count) {
        if (compiled != null) {
            float[] f = compiled.compute(pixels, count);
            return Nd4j.create(f, new long[] {count, f.length / count}, 'c');
        }
        INDArray a = net.feedForwardToLayer(last, io.digitcam.model.Batches.features(pixels, count), false).get(last + 1);
        return a.dup('c').reshape('c', a.size(0), a.length() / a.size(0)).dup('c');
    }

    /** The head's current answer for features from {@link #features}. */
    INDArray output(INDArray features) {
        return head.output(features, false);
    }

    void fit(INDArray features, INDArray labels) {
        head.fit(new DataSet(features, labels));
    }

    double score() {
        return head.score();
    }

    /** The trained head's parameters (batch-norm statistics included) into the whole network. */
    void copyBack() {
        for (int i = last + 1; i < net.getnLayers(); i++) {
            if (net.getLayer(i).numParams() > 0) {
                net.getLayer(i).setParams(head.getLayer(i - last - 1).params().dup());
            }
        }
    }

    private void check() {
        java.util.Random r = new java.util.Random(3);
        float[] x = new float[4 * io.digitcam.model.DigitImages.PIXELS];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextFloat() < 0.2f ? r.nextFloat() : 0;
        }
        INDArray in = io.digitcam.model.Batches.features(x, 4);
        // Also checks the compiled features against DL4J's whole network.
        double diff = net.output(in, false).sub(head.output(features(x, 4), false)).amaxNumber().doubleValue();
        if (diff > SAME) {
            throw new IllegalStateException("the head alone differs from the whole network by " + diff);
        }
    }
}
