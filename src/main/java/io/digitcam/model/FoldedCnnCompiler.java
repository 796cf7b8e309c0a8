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
 * made of (valid stride-1 convolutions, square max pooling, dense layers, ReLU, softmax, dropout,
 * an imported model's pixel scale and channels-last layout) and
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
        return compile(net, side, 1f, 0f);
    }

    /**
     * A network imported from Keras: its input is {@code pixel / 255 · inputScale + inputOffset}
     * of the unit pixels this class is given (side×side, one channel), which is folded into the
     * first layer's weights and bias, so the same unit crops as for our own models go in. Its
     * convolutions may be channels-last: the trunk runs channel-major whatever the format (DL4J
     * keeps the kernels [out][in][k][k] either way), and only the order the first dense layer
     * reads the features in differs, so its rows are permuted from (y, x, c) to (c, y, x).
     */
    static FoldedCnn compile(MultiLayerNetwork net, int side, float inputScale, float inputOffset)
            throws UnsupportedNetworkException {
        List<Step> steps = new ArrayList<>();
        Layer[] layers = net.getLayers();
        org.deeplearning4j.nn.conf.CNN2DFormat format = null;
        for (int i = 0; i < layers.length; i++) {
            var conf = layers[i].conf().getLayer();
            if (conf instanceof org.deeplearning4j.nn.conf.layers.DropoutLayer) {
                // A Keras Dropout layer: nothing at inference.
                continue;
            }
            if (conf instanceof ConvolutionLayer c && conf.getClass() == ConvolutionLayer.class) {
                if (format != null && format != c.getCnn2dDataFormat()) {
                    throw new UnsupportedNetworkException("convolutions in both NCHW and NHWC");
                }
                format = c.getCnn2dDataFormat();
            }
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
        List<Step> trunk = steps.subList(0, firstDense);
        if (format == org.deeplearning4j.nn.conf.CNN2DFormat.NHWC) {
            head.set(0, channelsLastRows(head.get(0), trunk, side));
        }
        if (inputScale != 1f || inputOffset != 0f) {
            Step first = foldInput(steps.get(0), inputScale, inputOffset);
            if (firstDense == 0) {
                head.set(0, (Dense) first);
            } else {
                trunk = new ArrayList<>(trunk);
                trunk.set(0, first);
            }
        }
        return new FoldedCnn(List.copyOf(trunk), List.copyOf(head), List.of(), side);
    }

    /**
     * The first layer fed {@code scale·u + offset} instead of {@code u}: W·(s·u + t) + b is
     * (s·W)·u + (b + t·ΣW). Exact for a dense layer and for a valid convolution, which never
     * reaches outside the image, the only places the two inputs could differ.
     */
    private static Step foldInput(Step step, float scale, float offset) throws UnsupportedNetworkException {
        if (step instanceof Conv c) {
            int fanIn = c.in() * c.k() * c.k();
            float[] w = c.w().clone();
            float[] b = c.b().clone();
            for (int o = 0; o < c.out(); o++) {
                double sum = 0;
                for (int j = 0; j < fanIn; j++) {
                    sum += w[o * fanIn + j];
                    w[o * fanIn + j] *= scale;
                }
                b[o] += (float) (offset * sum);
            }
            return new Conv(c.in(), c.out(), c.k(), w, b, c.relu());
        }
        if (step instanceof Dense d) {
            float[] w = d.w().clone();
            float[] b = d.b().clone();
            double[] sums = new double[d.out()];
            for (int i = 0; i < d.in(); i++) {
                for (int o = 0; o < d.out(); o++) {
                    sums[o] += w[i * d.out() + o];
                    w[i * d.out() + o] *= scale;
                }
            }
            for (int o = 0; o < d.out(); o++) {
                b[o] += (float) (offset * sums[o]);
            }
            return new Dense(d.in(), d.out(), w, b, d.act());
        }
        throw new UnsupportedNetworkException("an input scale before pooling");
    }

    /** The first dense layer after channels-last convolutions, its rows put in channel-major order. */
    private static Dense channelsLastRows(Dense d, List<Step> trunk, int side) throws UnsupportedNetworkException {
        int h = side;
        int channels = 1;
        for (Step step : trunk) {
            if (step instanceof Conv c) {
                h = h - c.k() + 1;
                channels = c.out();
            } else if (step instanceof Pool p) {
                h = (h - p.k()) / p.stride() + 1;
            }
        }
        if (d.in() != channels * h * h) {
            throw new UnsupportedNetworkException("dense layer expects " + d.in() + " inputs, the trunk gives "
                    + channels * h * h);
        }
        float[] w = new float[d.w().length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < h; x++) {
                for (int c = 0; c < channels; c++) {
                    int nhwc = (y * h + x) * channels + c;
                    int nchw = (c * h + y) * h + x;
                    System.arraycopy(d.w(), nhwc * d.out(), w, nchw * d.out(), d.out());
                }
            }
        }
        return new Dense(d.in(), d.out(), w, d.b(), d.act());
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
                || c.getCnn2dDataFormat() == null) {
            throw new UnsupportedNetworkException("convolution other than square, stride 1, no padding");
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
