package io.digitcam.train;

import io.digitcam.model.SecondHead;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.misc.FrozenLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.transferlearning.FineTuneConfiguration;
import org.deeplearning4j.nn.transferlearning.TransferLearning;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.Adam;

/**
 * Continues training from a trained model instead of from random weights: a gentler learning
 * rate, and an output layer grown to the requested number of classes with the old classes'
 * weights kept. Teaching a 99.6% digit model the extra "not a digit" class this way takes a few
 * epochs instead of a full run.
 *
 * <p>Optionally only the head (the dense layers) learns and the convolutional features stay as
 * they are, batch-norm statistics included: new kinds of digit (printed ones) are taught without
 * moving the features MNIST accuracy rests on.
 */
public final class FineTuning {
    private FineTuning() {
    }

    public static MultiLayerNetwork from(MultiLayerNetwork trained, long seed, int classes, int itersPerEpoch,
                                         int epochs) {
        return from(trained, seed, classes, itersPerEpoch, epochs, false);
    }

    public static MultiLayerNetwork from(MultiLayerNetwork trained, long seed, int classes, int itersPerEpoch,
                                         int epochs, boolean headOnly) {
        int output = trained.getnLayers() - 1;
        if (!(trained.getLayerWiseConfigurations().getConf(output).getLayer() instanceof OutputLayer old)) {
            throw new IllegalArgumentException("the initial model does not end in an output layer");
        }
        INDArray w = trained.getLayer(output).getParam("W").dup();
        INDArray b = trained.getLayer(output).getParam("b").dup();
        int oldClasses = (int) old.getNOut();
        if (classes < oldClasses) {
            throw new IllegalArgumentException("the initial model has " + oldClasses + " outputs, more than " + classes);
        }
        FineTuneConfiguration tune = new FineTuneConfiguration.Builder().seed(seed)
                .updater(new Adam(Architecture.decayingRate(5e-4, 1e-5, itersPerEpoch, epochs))).build();
        TransferLearning.Builder builder = new TransferLearning.Builder(trained).fineTuneConfiguration(tune);
        if (classes != oldClasses) {
            builder.nOutReplace(output, classes, WeightInit.XAVIER);
        }
        if (headOnly) {
            builder.setFeatureExtractor(SecondHead.lastFeatureLayer(trained));
        }
        MultiLayerNetwork tuned = builder.build();
        tuned.getLayer(output).getParam("W").get(NDArrayIndex.all(), NDArrayIndex.interval(0, oldClasses)).assign(w);
        tuned.getLayer(output).getParam("b").get(NDArrayIndex.all(), NDArrayIndex.interval(0, oldClasses)).assign(b);
        return tuned;
    }

    /**
     * The same network with its frozen layers thawed: the same weights, a plain configuration that
     * inference (and the compiled path) knows. {@code net} itself if nothing is frozen.
     */
    public static MultiLayerNetwork thawed(MultiLayerNetwork net) {
        MultiLayerConfiguration conf = net.getLayerWiseConfigurations().clone();
        boolean frozen = false;
        for (NeuralNetConfiguration layer : conf.getConfs()) {
            if (layer.getLayer() instanceof FrozenLayer f) {
                layer.setLayer(f.getLayer());
                frozen = true;
            }
        }
        if (!frozen) {
            return net;
        }
        MultiLayerNetwork plain = new MultiLayerNetwork(conf);
        plain.init(net.params().dup(), false);
        return plain;
    }
}
