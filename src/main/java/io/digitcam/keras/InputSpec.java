package io.digitcam.keras;

import io.digitcam.model.DigitImages;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * How an imported network wants DigitCam's 28×28 crops: laid out flat or as an image with its one
 * channel last or first, {@code side} 28 or 32 (LeNet-5's input: our crop with 2 px of background
 * round it), and each pixel (0..255) as {@code pixel / divisor + offset}.
 *
 * <p>DigitCam's own models take NCHW 0..1; a Keras model takes whatever its training fed it, and
 * getting this wrong costs no error, only accuracy, so it is stored with the model.
 *
 * @param divisor what training divided pixels by, with any folded Rescaling layer taken in
 * @param offset  what a folded Rescaling layer added after that
 */
public record InputSpec(Layout layout, int side, double divisor, double offset) {
    public enum Layout {
        /** A vector of side×side pixels, row by row. */
        FLAT,
        /** [n, side, side, 1]: Keras's default, channels_last. */
        NHWC,
        /** [n, 1, side, side]: channels_first. */
        NCHW
    }

    public InputSpec {
        if (side != DigitImages.SIDE && side != DigitImages.SIDE + 4) {
            throw new IllegalArgumentException("side " + side + ": only 28 and 32 are supported");
        }
        if (!(divisor > 0) || !Double.isFinite(offset)) {
            throw new IllegalArgumentException("pixel scale must be positive and the offset finite");
        }
    }

    /** The input as Keras would describe it, e.g. "32×32×1 (channels last)". */
    public String describe() {
        String shape = switch (layout) {
            case FLAT -> side * side + " (flat)";
            case NHWC -> side + "×" + side + "×1 (channels last)";
            case NCHW -> "1×" + side + "×" + side + " (channels first)";
        };
        return side == DigitImages.SIDE ? shape : shape + ", our 28×28 crop padded by 2 px of background";
    }

    /**
     * {@code count} crops given as DigitCam's 0..1 floats (pixel / 255, as {@code DigitImages.toUnit}
     * makes them) in this network's layout and scale. A single channel makes NHWC and NCHW the same
     * bytes in memory; only the shape differs.
     */
    public INDArray features(float[] unit, int count) {
        int pad = (side - DigitImages.SIDE) / 2;
        int plane = side * side;
        float div = (float) divisor;
        float shift = (float) offset;
        float[] out = new float[count * plane];
        if (shift != 0f) {
            java.util.Arrays.fill(out, shift);
        }
        for (int i = 0; i < count; i++) {
            for (int y = 0; y < DigitImages.SIDE; y++) {
                int src = i * DigitImages.PIXELS + y * DigitImages.SIDE;
                int dst = i * plane + (y + pad) * side + pad;
                for (int x = 0; x < DigitImages.SIDE; x++) {
                    // Back to the byte first, so a model trained on 0..255 sees exact integers and one
                    // trained on pixel / 255 sees the very floats numpy gave it.
                    out[dst + x] = Math.round(unit[src + x] * 255f) / div + shift;
                }
            }
        }
        long[] shape = switch (layout) {
            case FLAT -> new long[] {count, plane};
            case NHWC -> new long[] {count, side, side, 1};
            case NCHW -> new long[] {count, 1, side, side};
        };
        return Nd4j.create(out, shape, DataType.FLOAT);
    }
}
