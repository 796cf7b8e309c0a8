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
        return boxSum(y0 * stride, y1 * stride, x0, x1);
    }

    /** The integral image's sum over a box whose rows start at {@code top} and {@code bottom}. */
    private long boxSum(int top, int bottom, int x0, int x1) {
        return (long) sums[bottom + x1] - sums[top + x1] - sums[bottom + x0] + sums[top + x0];
    }

    /**
     * The sums {@link #sum} gives over a grid of boxes, row v and column u covering
     * [xs[u], max(xs[u + 1], xs[u] + 1)) × [ys[v], max(ys[v + 1], ys[v] + 1)), for u, v below
     * {@code n}, into {@code out} row by row: the verifier's windows. The columns are clipped once
     * for the grid instead of once per box.
     */
    public void gridSums(int[] xs, int[] ys, int n, long[] out) {
        int[] left = new int[n];
        int[] right = new int[n];
        for (int u = 0; u < n; u++) {
            left[u] = Math.max(0, xs[u]);
            right[u] = Math.min(width, Math.max(xs[u + 1], xs[u] + 1));
        }
        int stride = width + 1;
        for (int v = 0; v < n; v++) {
            int y0 = Math.max(0, ys[v]);
            int y1 = Math.min(height, Math.max(ys[v + 1], ys[v] + 1));
            int top = y0 * stride;
            int bottom = y1 * stride;
            for (int u = 0; u < n; u++) {
                int x0 = left[u];
                int x1 = right[u];
                out[v * n + u] = x1 <= x0 || y1 <= y0 ? 0 : boxSum(top, bottom, x0, x1);
            }
        }
    }

    /** Mean contrast (0..1) over a box in this level's pixels. */
    public double mean(Box b) {
        return sum(b.x(), b.y(), b.right(), b.bottom()) / (255.0 * Math.max(1, b.area()));
    }
}
