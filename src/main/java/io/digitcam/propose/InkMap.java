package io.digitcam.propose;

import static org.bytedeco.opencv.global.opencv_core.CV_32S;
import static org.bytedeco.opencv.global.opencv_imgproc.integral;

import io.digitcam.vision.Box;
import io.digitcam.vision.Polarity;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * How strongly each pixel of one pyramid level stands out as ink of one polarity: 0..255 for
 * contrast 0..1 against the surface, in the colour channel where it is largest. The verifier
 * reads its candidates from these maps, so it sees ink the same way on white paper, a pink
 * sticky note or a green board. The map's integral image gives any box's mean in four reads.
 */
public final class InkMap {
    private final int level;
    private final Polarity polarity;
    private final Mat contrast;
    private final double fx;
    private final double fy;
    // The map's size as plain fields: sum() runs some 160,000 times a frame for the verifier's
    // windows, and Mat.cols()/rows() are native calls that cost more than the four reads.
    private final int width;
    private final int height;
    private final int[] sums;

    public InkMap(int level, Polarity polarity, Mat contrast, double fx, double fy) {
        this.level = level;
        this.polarity = polarity;
        this.contrast = contrast;
        this.fx = fx;
        this.fy = fy;
        this.width = contrast.cols();
        this.height = contrast.rows();
        try (Mat s = new Mat()) {
            integral(contrast, s, CV_32S);
            sums = new int[s.rows() * s.cols()];
            try (IntPointer p = new IntPointer(s.data())) {
                p.get(sums);
            }
        }
    }

    public int level() {
        return level;
    }

    public Polarity polarity() {
        return polarity;
    }

    public Mat contrast() {
        return contrast;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** A box in this level's pixels as frame pixels. */
    public Box toFrame(Box levelBox) {
        int x = (int) Math.floor(levelBox.x() * fx);
        int y = (int) Math.floor(levelBox.y() * fy);
        return new Box(x, y, (int) Math.ceil(levelBox.right() * fx) - x, (int) Math.ceil(levelBox.bottom() * fy) - y);
    }

    /** Sum of the map over [x0, x1) × [y0, y1), clipped to the map (0..255 per pixel). */
    public long sum(int x0, int y0, int x1, int y1) {
        x0 = Math.max(0, x0);
        y0 = Math.max(0, y0);
        x1 = Math.min(width, x1);
        y1 = Math.min(height, y1);
        if (x1 <= x0 || y1 <= y0) {
            return 0;
        }
        int stride = width + 1;
        return (long) sums[y1 * stride + x1] - sums[y0 * stride + x1] - sums[y1 * stride + x0] + sums[y0 * stride + x0];
    }

    /** Mean contrast (0..1) over a box in this level's pixels. */
    public double mean(Box b) {
        return sum(b.x(), b.y(), b.right(), b.bottom()) / (255.0 * Math.max(1, b.area()));
    }
}
