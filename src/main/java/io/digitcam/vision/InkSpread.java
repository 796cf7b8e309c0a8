package io.digitcam.vision;

import org.bytedeco.opencv.opencv_core.Moments;

/**
 * How far ink spreads along and across its main axis: the eigenvalues of its covariance, in
 * pixels². A straight bar of length L has {@code along} = L²/12 whatever its angle.
 *
 * @param along  variance along the main axis (the larger eigenvalue)
 * @param across variance across it
 */
public record InkSpread(double along, double across) {
    /** From image moments of ink that is there ({@code m00 > 0}). */
    public static InkSpread of(Moments m) {
        double xx = m.mu20() / m.m00();
        double yy = m.mu02() / m.m00();
        double xy = m.mu11() / m.m00();
        double half = (xx + yy) / 2;
        double root = Math.sqrt((xx - yy) * (xx - yy) / 4 + xy * xy);
        return new InkSpread(half + root, Math.max(0, half - root));
    }
}
