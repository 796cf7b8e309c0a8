package io.digitcam.model;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * A network's convolutional layers on the compiled path, for training its dense head on features
 * computed once: DL4J's own forward pass took most of a fine-tuning run (47 of 75 s for 23,000
 * images here), the compiled one a tenth of that. The flattening is DL4J's, so the features are
 * what the network's first dense layer reads.
 */
public final class ConvFeatures {
    private final FoldedCnn folded;

    private ConvFeatures(FoldedCnn folded) {
        this.folded = folded;
    }

    /** The compiled trunk of {@code net}, or null when the compiled path does not handle its layers. */
    public static ConvFeatures of(MultiLayerNetwork net, int side) {
        try {
            return new ConvFeatures(FoldedCnnCompiler.compile(net, side));
        } catch (FoldedCnnCompiler.UnsupportedNetworkException e) {
            return null;
        }
    }

    /** Features of {@code count} images of unit pixels, one row of [C·H·W] per image. Not thread-safe. */
    public float[] compute(float[] pixels, int count) {
        return folded.features(pixels, count);
    }
}
