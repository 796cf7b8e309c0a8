package io.digitcam.vision;

/**
 * How regions are turned into MNIST-like 28×28 crops.
 *
 * @param digitSide        longest side of the digit inside the 28×28 square (MNIST: 20)
 * @param workingHeight    crops taller than this are shrunk first (speed; detail is not lost,
 *                         the result is 20 px anyway)
 * @param inkFloor         fraction of the ink-to-background contrast below which a pixel is
 *                         background (paper grain, faint rules)
 * @param targetStroke     stroke width MNIST digits have, as a fraction of digit height
 * @param minStroke        thinner strokes are thickened towards the target
 * @param maxStroke        bolder strokes are thinned towards the target
 * @param deskew           straighten slanted digits by their second moments
 */
public record NormalizerSettings(int digitSide, int workingHeight, double inkFloor, double targetStroke,
                                 double minStroke, double maxStroke, boolean deskew) {
    public static final NormalizerSettings DEFAULT = new NormalizerSettings(20, 64, 0.25, 0.13, 0.08, 0.24, false);
}
