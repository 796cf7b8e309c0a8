package io.digitcam.train;

import io.digitcam.verify.VerifierInput;
import java.util.Random;
import java.util.function.Consumer;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/**
 * Trains the digit / not-a-digit verifier: a small CNN (two 3×3 convolutions, one dense layer,
 * about 10k parameters and 0.17M multiply-adds a candidate) so that a frame's hundred or more
 * candidates cost a few milliseconds. Small, as what it must tell apart is coarse: one digit on
 * its surface, or anything else.
 */
public final class VerifierTraining {
    private VerifierTraining() {
    }

    public static MultiLayerConfiguration network(long seed) {
        return new NeuralNetConfiguration.Builder()
                .seed(seed)
                .weightInit(WeightInit.RELU)
                .updater(new Adam(1e-3))
                .l2(1e-5)
                .list()
                .layer(conv(3, 8)).layer(new BatchNormalization.Builder().build()).layer(relu())
                .layer(pool())
                .layer(conv(3, 16)).layer(new BatchNormalization.Builder().build()).layer(relu())
                .layer(pool())
                .layer(new DenseLayer.Builder().nOut(32).activation(Activation.IDENTITY).hasBias(false).build())
                .layer(new BatchNormalization.Builder().build()).layer(relu())
                .layer(new OutputLayer.Builder(LossFunction.MCXENT).nOut(2).activation(Activation.SOFTMAX)
                        .dropOut(0.7).build())
                .setInputType(InputType.convolutional(VerifierInput.SIDE, VerifierInput.SIDE, VerifierInput.CHANNELS))
                .build();
    }

    private static ConvolutionLayer conv(int k, int n) {
        return new ConvolutionLayer.Builder(k, k).nOut(n).activation(Activation.IDENTITY).hasBias(false).build();
    }

    private static ActivationLayer relu() {
        return new ActivationLayer.Builder().activation(Activation.RELU).build();
    }

    private static SubsamplingLayer pool() {
        return new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build();
    }

    /** Trains a new network for {@code epochs} over {@code train}, reporting each epoch's mean loss. */
    public static MultiLayerNetwork train(VerifierSamples.Set train, int epochs, int batch, long seed,
                                          Consumer<String> log) {
        MultiLayerNetwork net = new MultiLayerNetwork(network(seed));
        net.init();
        int[] order = balanced(train);
        int n = order.length;
        Random random = new Random(seed);
        for (int epoch = 1; epoch <= epochs; epoch++) {
            shuffle(order, random);
            double loss = 0;
            int batches = 0;
            long start = System.nanoTime();
            for (int from = 0; from + batch <= n; from += batch) {
                net.fit(features(train, order, from, batch, random), labels(train, order, from, batch));
                loss += net.score();
                batches++;
            }
            log.accept(String.format("epoch %d/%d: loss %.4f (%.0f s)", epoch, epochs, loss / Math.max(1, batches),
                    (System.nanoTime() - start) / 1e9));
        }
        return net;
    }

    /**
     * Every example once and each digit as many more times as brings digits to a quarter of the
     * whole: at thirty candidates to a digit the network learnt to say "not a digit" to faint ones.
     */
    static int[] balanced(VerifierSamples.Set set) {
        int positives = set.positives();
        int negatives = set.size() - positives;
        int copies = positives == 0 ? 1 : Math.max(1, (int) Math.round(negatives / (3.0 * positives)));
        int[] order = new int[negatives + positives * copies];
        int at = 0;
        for (int i = 0; i < set.size(); i++) {
            for (int c = 0; c < (set.labels()[i] == 1 ? copies : 1); c++) {
                order[at++] = i;
            }
        }
        return order;
    }

    private static void shuffle(int[] a, Random random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /** A batch with a random gain per example on the surroundings: clutter is as strong as the ink, or fainter. */
    private static INDArray features(VerifierSamples.Set set, int[] order, int from, int count, Random random) {
        int plane = VerifierSamples.PLANE;
        float[] x = new float[count * plane];
        for (int i = 0; i < count; i++) {
            int src = order[from + i] * plane;
            float gain = 0.6f + 0.8f * random.nextFloat();
            int window = plane / VerifierInput.CHANNELS;
            for (int p = 0; p < plane; p++) {
                float v = (set.inputs()[src + p] & 0xff) / 255f;
                x[i * plane + p] = p < window ? v : Math.min(1f, v * gain);
            }
        }
        return Nd4j.create(x, new long[] {count, VerifierInput.CHANNELS, VerifierInput.SIDE, VerifierInput.SIDE},
                DataType.FLOAT);
    }

    private static INDArray labels(VerifierSamples.Set set, int[] order, int from, int count) {
        float[] y = new float[count * 2];
        for (int i = 0; i < count; i++) {
            y[i * 2 + set.labels()[order[from + i]]] = 1f;
        }
        return Nd4j.create(y, new long[] {count, 2}, DataType.FLOAT);
    }

    /** The examples' inputs as the network takes them. */
    public static float[] inputs(VerifierSamples.Set set) {
        float[] x = new float[set.inputs().length];
        for (int i = 0; i < x.length; i++) {
            x[i] = (set.inputs()[i] & 0xff) / 255f;
        }
        return x;
    }
}
