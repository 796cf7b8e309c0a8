package io.digitcam.vision;

import static org.bytedeco.opencv.global.opencv_core.*;
import static org.bytedeco.opencv.global.opencv_imgproc.*;

import io.digitcam.model.DigitImages;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.indexer.FloatIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Moments;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Turns a region of a frame into what MNIST looks like: white strokes on black, background
 * removed, tightly cropped, longest side scaled to 20 px keeping the aspect ratio, stroke width
 * brought near MNIST's, centred by centre of mass in 28×28.
 *
 * <p>This is where the hobby pipelines fail: resizing a raw crop to 28×28 keeps the paper grey,
 * the margins, a wrong aspect and strokes ten times too thin or thick, and the CNN has never
 * seen anything like it. Not thread-safe.
 */
public final class DigitNormalizer {
    private final NormalizerSettings s;
    /*
     * Working images kept from crop to crop: a frame has twenty crops or so, and a dozen fresh
     * native Mats per crop (each one counted against JavaCPP's memory limit as it is made) cost
     * more than the arithmetic on them. Every one is rewritten in full before it is read.
     */
    private final Mat work = new Mat();
    private final Mat ink = new Mat();
    private final Mat core = new Mat();
    private final Mat digit = new Mat();
    private final Mat bin = new Mat();
    private final Mat eroded = new Mat();
    private final Mat small = new Mat();
    private final Mat placed = new Mat(DigitImages.SIDE, DigitImages.SIDE, CV_32F);
    private final Mat bytes = new Mat();
    private final Mat affine = new Mat(2, 3, CV_64F);
    /** The background level subtracted from a crop, set per crop. */
    private final Mat floor = new Mat(1, 1, CV_64F);
    /** An empty kernel: OpenCV's 3×3 square. */
    private final Mat square3 = new Mat();
    private final Scalar black = Scalar.all(0);
    private byte[] histogramPixels = new byte[0];

    public DigitNormalizer(NormalizerSettings settings) {
        this.s = settings;
    }

    /**
     * A crop and the tight box of the ink it was made from, in frame pixels: a candidate's box
     * comes from a coarser image and may stand a pixel or two off its ink.
     */
    public record Normalized(byte[] pixels, Box inkBox) {
    }

    /** A 28×28 crop, row-major bytes, white ink on black; or null if the region holds no ink. */
    public Normalized normalize(Mat gray, Box b, Polarity polarity) {
        if (b.width() < 2 || b.height() < 2) {
            return null;
        }
        int pad = Math.max(2, b.height() / 8);
        Box outer = b.grown(pad, pad, gray.cols(), gray.rows());
        try (Rect region = new Rect(outer.x(), outer.y(), outer.width(), outer.height()); Mat roi = new Mat(gray, region)) {
            double shrink = Math.min(1.0, s.workingHeight() / (double) outer.height());
            if (shrink < 1.0) {
                try (Size size = new Size(Math.max(1, (int) Math.round(outer.width() * shrink)),
                        Math.max(1, (int) Math.round(outer.height() * shrink)))) {
                    resize(roi, work, size, 0, 0, INTER_AREA);
                }
            } else {
                roi.copyTo(work);
            }
            // work is continuous (OpenCV makes a kept Mat whole when it resizes it): the percentiles
            // read it as one array.
            if (polarity == Polarity.DARK_ON_LIGHT) {
                bitwise_not(work, work);
            }
            // Background = the median of the padded crop (ink covers well under half of it);
            // ink level = a high percentile, so one glint does not set the scale.
            int[] levels = percentiles(work, 0.5, 0.98);
            work.convertTo(ink, CV_32F);
            float range = levels[1] - levels[0];
            if (range < 8) {
                return null;
            }
            floor.data().putDouble(levels[0] + s.inkFloor() * range);
            subtract(ink, floor, ink);
            ink.convertTo(ink, CV_32F, 1.0 / ((1 - s.inkFloor()) * range), 0);
            threshold(ink, ink, 1.0, 1.0, THRESH_TRUNC);
            threshold(ink, ink, 0.0, 0.0, THRESH_TOZERO);
            // Only the region itself: the padding served the statistics, not the digit.
            Box inner = new Box((int) Math.round((b.x() - outer.x()) * shrink), (int) Math.round((b.y() - outer.y()) * shrink),
                    Math.max(1, (int) Math.round(b.width() * shrink)), Math.max(1, (int) Math.round(b.height() * shrink)))
                    .grown(0, 0, ink.cols(), ink.rows());
            try (Rect innerRect = new Rect(inner.x(), inner.y(), inner.width(), inner.height());
                 Mat view = new Mat(ink, innerRect)) {
                view.copyTo(core);
                Rect tight = boundingRect(core, 0.3f);
                if (tight == null) {
                    return null;
                }
                byte[] pixels = toMnist(core, tight);
                int x = outer.x() + (int) Math.floor((inner.x() + tight.x()) / shrink);
                int y = outer.y() + (int) Math.floor((inner.y() + tight.y()) / shrink);
                int right = outer.x() + (int) Math.ceil((inner.x() + tight.x() + tight.width()) / shrink);
                int bottom = outer.y() + (int) Math.ceil((inner.y() + tight.y() + tight.height()) / shrink);
                Box inkBox = new Box(x, y, right - x, bottom - y).overlap(b);
                return new Normalized(pixels, inkBox == null ? b : inkBox);
            }
        }
    }

    private byte[] toMnist(Mat ink, Rect tight) {
        try (Mat view = new Mat(ink, tight)) {
            view.copyTo(digit);
            adjustStroke(digit);
            int w = digit.cols();
            int h = digit.rows();
            double f = s.digitSide() / (double) Math.max(w, h);
            int nw = Math.max(1, (int) Math.round(w * f));
            int nh = Math.max(1, (int) Math.round(h * f));
            try (Size size = new Size(nw, nh)) {
                resize(digit, small, size, 0, 0, f < 1 ? INTER_AREA : INTER_LINEAR);
            }
            try (Moments m = moments(small, false)) {
                double cx = m.m00() > 0 ? m.m10() / m.m00() : nw / 2.0;
                double cy = m.m00() > 0 ? m.m01() / m.m00() : nh / 2.0;
                double skew = s.deskew() && Math.abs(m.mu02()) > 1e-2 ? m.mu11() / m.mu02() : 0;
                double half = DigitImages.SIDE / 2.0;
                // Translate the centre of mass to the centre; shear about it when deskewing.
                double[] a = {1, -skew, half - cx + skew * cy, 0, 1, half - cy};
                new DoublePointer(affine.data()).put(a);
                // BORDER_CONSTANT writes every pixel of the 28×28, so the kept Mat needs no clearing.
                try (Size side = new Size(DigitImages.SIDE, DigitImages.SIDE)) {
                    warpAffine(small, placed, affine, side, INTER_LINEAR, BORDER_CONSTANT, black);
                }
                placed.convertTo(bytes, CV_8U, 255, 0);
                byte[] result = new byte[DigitImages.PIXELS];
                bytes.data().get(result);
                return result;
            }
        }
    }

    /** MNIST strokes are about 13% of the digit height; pen lines and marker strokes are not. */
    private void adjustStroke(Mat digit) {
        int h = Math.max(digit.rows(), digit.cols());
        threshold(digit, bin, 0.5, 1.0, THRESH_BINARY);
        double area = sum(bin);
        if (area < 4) {
            return;
        }
        erode(bin, eroded, square3);
        double edge = area - sum(eroded);
        // A stroke of width w and length L has area wL and loses about 2L pixels to one erosion.
        double width = edge > 0 ? 2 * area / edge : 1;
        double rel = width / h;
        int k;
        if (rel < s.minStroke()) {
            k = (int) Math.round((s.targetStroke() - rel) * h);
            if (k >= 1) {
                try (Mat kernel = getStructuringElement(MORPH_ELLIPSE, new Size(k + 1, k + 1))) {
                    dilate(digit, digit, kernel);
                }
            }
        } else if (rel > s.maxStroke()) {
            k = (int) Math.round((rel - s.targetStroke()) * h);
            if (k >= 1) {
                try (Mat kernel = getStructuringElement(MORPH_ELLIPSE, new Size(k + 1, k + 1))) {
                    erode(digit, digit, kernel);
                }
            }
        }
    }

    private static Rect boundingRect(Mat ink, float level) {
        int minX = Integer.MAX_VALUE;
        int minY = Integer.MAX_VALUE;
        int maxX = -1;
        int maxY = -1;
        // The size read once: Mat.rows() and cols() are native calls, here once per pixel before.
        int rows = ink.rows();
        int cols = ink.cols();
        try (FloatIndexer idx = ink.createIndexer()) {
            for (int y = 0; y < rows; y++) {
                for (int x = 0; x < cols; x++) {
                    if (idx.get(y, x) > level) {
                        minX = Math.min(minX, x);
                        maxX = Math.max(maxX, x);
                        minY = Math.min(minY, y);
                        maxY = Math.max(maxY, y);
                    }
                }
            }
        }
        return maxX < 0 ? null : new Rect(minX, minY, maxX - minX + 1, maxY - minY + 1);
    }

    private static double sum(Mat m) {
        try (Scalar total = sumElems(m)) {
            return total.get(0);
        }
    }

    /** Percentiles of a continuous 8-bit image's grey levels, from its histogram. */
    private int[] percentiles(Mat gray8, double... ps) {
        int n = gray8.rows() * gray8.cols();
        if (histogramPixels.length < n) {
            histogramPixels = new byte[n];
        }
        byte[] pixels = histogramPixels;
        gray8.data().get(pixels, 0, n);
        int[] histogram = new int[256];
        for (int i = 0; i < n; i++) {
            histogram[pixels[i] & 0xff]++;
        }
        int[] out = new int[ps.length];
        for (int i = 0; i < ps.length; i++) {
            // The value at sorted index floor(p * n), as a sort would give.
            int rank = Math.min(n - 1, (int) (ps[i] * n));
            int level = 0;
            int seen = histogram[0];
            while (seen <= rank) {
                seen += histogram[++level];
            }
            out[i] = level;
        }
        return out;
    }
}
