package io.digitcam.model;

/** The input format every model in DigitCam shares: MNIST's 28×28, white ink on black, 0..255. */
public final class DigitImages {
    public static final int SIDE = 28;
    public static final int PIXELS = SIDE * SIDE;

    private DigitImages() {
    }

    /** Copies {@code count} pixels as 0..1 floats: the network's input scale. */
    public static void toUnit(byte[] src, int from, float[] dst, int to, int count) {
        for (int i = 0; i < count; i++) {
            dst[to + i] = (src[from + i] & 0xff) / 255f;
        }
    }
}
