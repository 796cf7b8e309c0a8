package io.digitcam.model;

import io.digitcam.model.FoldedCnn.Act;
import io.digitcam.model.FoldedCnn.Conv;
import io.digitcam.model.FoldedCnn.Dense;
import io.digitcam.model.FoldedCnn.Pool;
import io.digitcam.model.FoldedCnn.Step;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.params.BatchNormalizationParamInitializer;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Turns a trained DL4J network into a {@link FoldedCnn}: batch norms folded into the layer before
 * them, activation layers merged into the step they follow. It handles what our own networks are
 * made of (valid stride-1 NCHW convolutions, square max pooling, dense layers, ReLU, softmax) and
 * says what it does not, so the caller can stay on DL4J's own path.
 */
final class FoldedCnnCompiler {
    /** A network that contains layers this compiler does not handle; use DL4J instead. */
    static final class UnsupportedNetworkException extends Exception {
        UnsupportedNetworkException(String message) {
            super(message);
        }
    }

    private FoldedCnnCompiler() {
    }

    static FoldedCnn compile(MultiLayerNetwork net, int side) throws UnsupportedNetworkException {
        List<Step> steps = new ArrayList<>();
        Layer[] layers = net.getLayers();
        for (int i = 0; i < layers.length; i++) {
            var conf = layers[i].conf().getLayer();
            BatchNormalization bn = i + 1 < layers.length
                    && layers[i + 1].conf().getLayer() instanceof BatchNormalization b ? b : null;
            if (conf instanceof ConvolutionLayer c && conf.getClass() == ConvolutionLayer.class) {
                requireConv(c);
                int k = c.getKernelSize()[0];
                int in = (int) c.getNIn();
                int out = (int) c.getNOut();
                float[] w = layers[i].getParam("W").dup('c').reshape('c', out, (long) in * k * k).data().asFloat();
                float[] b = bias(layers[i], out);
                Act act = activation(c.getActivationFn(), layers[i]);
                if (bn != null) {
                    if (act != Act.IDENTITY) {
                        throw new UnsupportedNetworkException("activation between convolution and batch norm");
                    }
                    act = fold(layers[i + 1], bn, w, b, out, in * k * k);
                    i++;
                }
                steps.add(new Conv(in, out, k, w, b, act == Act.RELU));
            } else if (conf instanceof SubsamplingLayer s && conf.getClass() == SubsamplingLayer.class) {
                if (s.getPoolingType() != org.deeplearning4j.nn.conf.layers.PoolingType.MAX
                        || s.getKernelSize()[0] != s.getKernelSize()[1] || s.getStride()[0] != s.getStride()[1]
                        || s.getPadding()[0] != 0 || s.getPadding()[1] != 0
                        || s.getConvolutionMode() == ConvolutionMode.Same) {
                    throw new UnsupportedNetworkException("pooling other than square max pooling without padding");
                }
                steps.add(new Pool(s.getKernelSize()[0], s.getStride()[0]));
            } else if (conf instanceof DenseLayer || conf instanceof OutputLayer) {
                var ff = (org.deeplearning4j.nn.conf.layers.FeedForwardLayer) conf;
                int in = (int) ff.getNIn();
                int out = (int) ff.getNOut();
                float[] w = layers[i].getParam("W").toFloatMatrix().length == in
                        ? flatten(layers[i].getParam("W").toFloatMatrix()) : null;
                if (w == null) {
                    throw new UnsupportedNetworkException("unexpected dense weight shape");
                }
                float[] b = bias(layers[i], out);
                Act act = activation(ff.getActivationFn(), layers[i]);
                if (bn != null) {
                    if (act != Act.IDENTITY) {
                        throw new UnsupportedNetworkException("activation between dense layer and batch norm");
                    }
                    act = foldDense(layers[i + 1], bn, w, b, in, out);
                    i++;
                }
                steps.add(new Dense(in, out, w, b, act));
            } else if (conf instanceof ActivationLayer a && !steps.isEmpty()) {
                steps.set(steps.size() - 1, withActivation(steps.get(steps.size() - 1),
                        activation(a.getActivationFn(), layers[i])));
            } else {
                throw new UnsupportedNetworkException("layer " + i + " is a " + conf.getClass().getSimpleName());
            }
        }
        if (steps.isEmpty() || !(steps.get(steps.size() - 1) instanceof Dense d) || d.act() != Act.SOFTMAX) {
            throw new UnsupportedNetworkException("the last layer is not a softmax output");
        }
        int firstDense = 0;
        while (!(steps.get(firstDense) instanceof Dense)) {
            firstDense++;
        }
        List<Dense> head = new ArrayList<>();
        for (Step step : steps.subList(firstDense, steps.size())) {
            if (!(step instanceof Dense dense)) {
                throw new UnsupportedNetworkException("convolution or pooling after a dense layer");
            }
            head.add(dense);
        }
        return new FoldedCnn(List.copyOf(steps.subList(0, firstDense)), List.copyOf(head), List.of(), side);
    }

    /** Merges a following activation layer into the step before it. */
    private static Step withActivation(Step step, Act act) throws UnsupportedNetworkException {
        if (act == Act.IDENTITY) {
            return step;
        }
        if (step instanceof Conv c && !c.relu() && act == Act.RELU) {
            return new Conv(c.in(), c.out(), c.k(), c.w(), c.b(), true);
        }
        if (step instanceof Dense d && d.act() == Act.IDENTITY) {
            return new Dense(d.in(), d.out(), d.w(), d.b(), act);
        }
        if (step instanceof Pool p && act == Act.RELU) {
            throw new UnsupportedNetworkException("activation after pooling");
        }
        throw new UnsupportedNetworkException("activation " + act + " after " + step);
    }

    private static void requireConv(ConvolutionLayer c) throws UnsupportedNetworkException {
        int[] k = c.getKernelSize();
        int[] s = c.getStride();
        int[] p = c.getPadding();
        int[] d = c.getDilation();
        if (k[0] != k[1] || s[0] != 1 || s[1] != 1 || p[0] != 0 || p[1] != 0 || d[0] != 1 || d[1] != 1
                || c.getConvolutionMode() == ConvolutionMode.Same
                || c.getCnn2dDataFormat() != org.deeplearning4j.nn.conf.CNN2DFormat.NCHW) {
            throw new UnsupportedNetworkException("convolution other than square, stride 1, no padding, NCHW");
        }
    }

    private static Act activation(IActivation fn, Layer layer) throws UnsupportedNetworkException {
        if (fn instanceof ActivationIdentity) {
            return Act.IDENTITY;
        }
        if (fn instanceof ActivationReLU r && r.getMax() == null && isZero(r.getThreshold())
                && isZero(r.getNegativeSlope())) {
            return Act.RELU;
        }
        if (fn instanceof ActivationSoftmax) {
            return Act.SOFTMAX;
        }
        throw new UnsupportedNetworkException("activation " + fn + " in layer " + layer.getIndex());
    }

    /** DL4J leaves ReLU's optional parameters null when unset. */
    private static boolean isZero(Double v) {
        return v == null || v == 0.0;
    }

    /**
     * Folds BN into [out][fanIn] weights. Returns identity: DL4J 1.0.0-M2.1 ignores a batch-norm
     * layer's activation setting, and this must compute what DL4J computes.
     */
    private static Act fold(Layer bnLayer, BatchNormalization bn, float[] w, float[] b, int out, int fanIn)
            throws UnsupportedNetworkException {
        float[][] ab = bnAffine(bnLayer, bn, out);
        for (int o = 0; o < out; o++) {
            for (int j = 0; j < fanIn; j++) {
                w[o * fanIn + j] *= ab[0][o];
            }
            b[o] = b[o] * ab[0][o] + ab[1][o];
        }
        return Act.IDENTITY;
    }

    /** The same for [in][out] dense weights. */
    private static Act foldDense(Layer bnLayer, BatchNormalization bn, float[] w, float[] b, int in, int out)
            throws UnsupportedNetworkException {
        float[][] ab = bnAffine(bnLayer, bn, out);
        for (int i = 0; i < in; i++) {
            for (int o = 0; o < out; o++) {
                w[i * out + o] *= ab[0][o];
            }
        }
        for (int o = 0; o < out; o++) {
            b[o] = b[o] * ab[0][o] + ab[1][o];
        }
        return Act.IDENTITY;
    }

    /** BN at inference is y = scale·x + shift per channel; returns {scale, shift}. */
    private static float[][] bnAffine(Layer layer, BatchNormalization bn, int n) throws UnsupportedNetworkException {
        if (bn.isLockGammaBeta()) {
            throw new UnsupportedNetworkException("batch norm with locked gamma/beta");
        }
        float[] gamma = vector(layer.getParam(BatchNormalizationParamInitializer.GAMMA));
        float[] beta = vector(layer.getParam(BatchNormalizationParamInitializer.BETA));
        float[] mean = vector(layer.getParam(BatchNormalizationParamInitializer.GLOBAL_MEAN));
        float[] std = new float[n];
        INDArray logStd = layer.paramTable().get(BatchNormalizationParamInitializer.GLOBAL_LOG_STD);
        if (logStd != null) {
            // The stored log10 std excludes epsilon; DL4J adds it to the variance at inference.
            float[] l = vector(logStd);
            for (int i = 0; i < n; i++) {
                std[i] = (float) Math.sqrt(Math.pow(10, 2.0 * l[i]) + bn.getEps());
            }
        } else {
            float[] var = vector(layer.getParam(BatchNormalizationParamInitializer.GLOBAL_VAR));
            for (int i = 0; i < n; i++) {
                std[i] = (float) Math.sqrt(var[i] + bn.getEps());
            }
        }
        float[][] ab = new float[2][n];
        for (int i = 0; i < n; i++) {
            ab[0][i] = gamma[i] / std[i];
            ab[1][i] = beta[i] - mean[i] * ab[0][i];
        }
        return ab;
    }

    private static float[] bias(Layer layer, int out) {
        INDArray b = layer.paramTable().get("b");
        return b != null ? vector(b) : new float[out];
    }

    private static float[] vector(INDArray a) {
        return a.dup().data().asFloat();
    }

    private static float[] flatten(float[][] m) {
        int cols = m[0].length;
        float[] out = new float[m.length * cols];
        for (int r = 0; r < m.length; r++) {
            System.arraycopy(m[r], 0, out, r * cols, cols);
        }
        return out;
    }

}
