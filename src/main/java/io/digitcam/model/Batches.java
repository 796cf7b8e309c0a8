package io.digitcam.model;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Turns 28×28 byte images into the network's input: NCHW floats scaled to 0..1. */
public final class Batches {
    /** Outputs of a digits-only model. */
    public static final int DIGITS = 10;
    /** Label of the extra "not a digit" class of an 11-output model. */
    public static final int NOT_A_DIGIT = 10;

    private Batches() {
    }

    public static INDArray features(float[] pixels, int count) {
        return Nd4j.create(pixels, new long[] {count, 1, DigitImages.SIDE, DigitImages.SIDE}, DataType.FLOAT);
    }

    /** Images {@code from..from+count} of {@code pixels}, unaugmented. */
    public static INDArray features(byte[] pixels, int from, int count) {
        float[] out = new float[count * DigitImages.PIXELS];
        DigitImages.toUnit(pixels, from * DigitImages.PIXELS, out, 0, out.length);
        return features(out, count);
    }

    public static INDArray oneHot(byte[] labels, int[] order, int from, int count, int classes) {
        float[] out = new float[count * classes];
        for (int i = 0; i < count; i++) {
            out[i * classes + labels[order[from + i]]] = 1f;
        }
        return Nd4j.create(out, new long[] {count, classes}, DataType.FLOAT);
    }
}
