package io.digitcam.train;

import io.digitcam.model.DigitImages;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;
import org.nd4j.linalg.schedule.ExponentialSchedule;
import org.nd4j.linalg.schedule.ScheduleType;

/** The network definitions that {@code digitcam train} can build. */
public enum Architecture {
    /**
     * Batch-norm CNN sized for a live camera: about 3M multiply-adds per crop, so a frame's
     * worth of crops classifies in a few milliseconds on one core, yet with augmentation it
     * reaches MNIST accuracies that LeNet-5 does not.
     */
    BNCNN {
        @Override
        public MultiLayerConfiguration configure(long seed, int classes, int itersPerEpoch, int epochs) {
            return new NeuralNetConfiguration.Builder()
                    .seed(seed)
                    .weightInit(WeightInit.RELU)
                    .updater(new Adam(decayingRate(2e-3, 2e-5, itersPerEpoch, epochs)))
                    .l2(1e-5)
                    .list()
                    .layer(conv(5, 32)).layer(bn()).layer(relu())
                    .layer(maxPool())
                    .layer(conv(3, 64)).layer(bn()).layer(relu())
                    .layer(conv(3, 64)).layer(bn()).layer(relu())
                    .layer(maxPool())
                    .layer(new DenseLayer.Builder().nOut(128).activation(Activation.IDENTITY).hasBias(false).build())
                    .layer(bn()).layer(relu())
                    .layer(new OutputLayer.Builder(LossFunction.MCXENT)
                            .nOut(classes).activation(Activation.SOFTMAX).dropOut(0.6).build())
                    .setInputType(InputType.convolutional(DigitImages.SIDE, DigitImages.SIDE, 1))
                    .build();
        }
    },
    /** LeNet-5 as in DL4J's LeNetMNIST example: the baseline the hobby projects use. */
    LENET {
        @Override
        public MultiLayerConfiguration configure(long seed, int classes, int itersPerEpoch, int epochs) {
            return new NeuralNetConfiguration.Builder()
                    .seed(seed)
                    .l2(5e-4)
                    .weightInit(WeightInit.XAVIER)
                    .updater(new Nesterovs(decayingRate(0.01, 1e-4, itersPerEpoch, epochs), 0.9))
                    .list()
                    .layer(new ConvolutionLayer.Builder(5, 5).nOut(20).activation(Activation.IDENTITY).build())
                    .layer(maxPool())
                    .layer(new ConvolutionLayer.Builder(5, 5).nOut(50).activation(Activation.IDENTITY).build())
                    .layer(maxPool())
                    .layer(new DenseLayer.Builder().activation(Activation.RELU).nOut(500).build())
                    .layer(new OutputLayer.Builder(LossFunction.NEGATIVELOGLIKELIHOOD)
                            .nOut(classes).activation(Activation.SOFTMAX).build())
                    .setInputType(InputType.convolutional(DigitImages.SIDE, DigitImages.SIDE, 1))
                    .build();
        }
    };

    public abstract MultiLayerConfiguration configure(long seed, int classes, int itersPerEpoch, int epochs);

    /** Exponential decay from {@code start} to {@code end} over the whole run, stepped per iteration. */
    static ExponentialSchedule decayingRate(double start, double end, int itersPerEpoch, int epochs) {
        double iterations = Math.max(1, (double) itersPerEpoch * epochs);
        return new ExponentialSchedule(ScheduleType.ITERATION, start, Math.pow(end / start, 1 / iterations));
    }

    // Convolutions without bias or activation: the batch norm that follows supplies both.
    private static ConvolutionLayer conv(int kernel, int channels) {
        return new ConvolutionLayer.Builder(kernel, kernel).nOut(channels)
                .activation(Activation.IDENTITY).hasBias(false).build();
    }

    private static BatchNormalization bn() {
        return new BatchNormalization.Builder().build();
    }

    // A layer of its own: DL4J 1.0.0-M2.1's BatchNormalization ignores its activation setting.
    private static ActivationLayer relu() {
        return new ActivationLayer.Builder().activation(Activation.RELU).build();
    }

    private static SubsamplingLayer maxPool() {
        return new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX)
                .kernelSize(2, 2).stride(2, 2).build();
    }
}
