package io.digitcam.model;

/** The input format every model in DigitCam shares: MNIST's 28×28, white ink on black, 0..255. */
public final class DigitImages {
    public static final int SIDE = 28;
    public static final int PIXELS = SIDE * SIDE;

    private DigitImages() {
    }
}
