package io.digitcam.vision;

import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Moments;

/**
 * How much wider a stroke's ink is toward one end than toward the other, along its main axis.
 * A pen, marker or chalk stroke keeps its width; a knife, a wedge of shadow or the corner of an
 * object narrows or widens steadily. The ink is cut into ten slices across the axis; the mean
 * width of slices 2–4 is compared with that of slices 7–9, leaving out the two ends, where a
 * printed "1" has its flag and its foot.
 */
final class StrokeTaper {
    private static final int SLICES = 10;

    private StrokeTaper() {
    }

    /** The wider end's width over the narrower's, at least 1; {@code m} are the moments of {@code ink}. */
    static double of(Mat ink, Moments m) {
        double cx = m.m10() / m.m00();
        double cy = m.m01() / m.m00();
        double angle = 0.5 * Math.atan2(2 * m.mu11(), m.mu20() - m.mu02());
        double ux = Math.cos(angle);
        double uy = Math.sin(angle);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        try (UByteIndexer px = ink.createIndexer()) {
            for (int y = 0; y < ink.rows(); y++) {
                for (int x = 0; x < ink.cols(); x++) {
                    if (px.get(y, x) != 0) {
                        double t = (x - cx) * ux + (y - cy) * uy;
                        lo = Math.min(lo, t);
                        hi = Math.max(hi, t);
                    }
                }
            }
            double length = hi - lo + 1;
            int[] slice = new int[SLICES];
            for (int y = 0; y < ink.rows(); y++) {
                for (int x = 0; x < ink.cols(); x++) {
                    if (px.get(y, x) != 0) {
                        double t = (x - cx) * ux + (y - cy) * uy;
                        slice[Math.min(SLICES - 1, (int) ((t - lo) / length * SLICES))]++;
                    }
                }
            }
            double one = (slice[1] + slice[2] + slice[3]) / 3.0;
            double other = (slice[6] + slice[7] + slice[8]) / 3.0;
            return Math.max(one, other) / Math.max(Math.min(one, other), 0.1);
        }
    }
}
