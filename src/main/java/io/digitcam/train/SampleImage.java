package io.digitcam.train;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.bitwise_not;
import static org.bytedeco.opencv.global.opencv_imgproc.THRESH_BINARY;
import static org.bytedeco.opencv.global.opencv_imgproc.THRESH_OTSU;
import static org.bytedeco.opencv.global.opencv_imgproc.connectedComponentsWithStats;
import static org.bytedeco.opencv.global.opencv_imgproc.threshold;

import io.digitcam.vision.Box;
import io.digitcam.vision.DigitNormalizer;
import io.digitcam.vision.NormalizerSettings;
import io.digitcam.vision.Polarity;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import org.bytedeco.javacpp.indexer.IntIndexer;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * One saved crop (a digit as the camera saw it, with some margin, any size, either polarity) made
 * into the 28×28 crop the classifier would have been given live: the same {@link DigitNormalizer},
 * told the polarity and handed the digit's ink box, as the detector would. Not thread-safe.
 */
public final class SampleImage {
    /** Components smaller than this share of the largest are specks, not strokes. */
    private static final double MIN_PART = 0.06;

    private final DigitNormalizer normalizer;

    public SampleImage(NormalizerSettings settings) {
        this.normalizer = new DigitNormalizer(settings);
    }

    /** The 28×28 crop (white ink on black, row-major), or null if the image holds no ink. */
    public byte[] normalize(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        if (w < 3 || h < 3) {
            return null;
        }
        byte[] grey = grey(image);
        Polarity polarity = polarity(grey, w, h);
        try (Mat gray = new Mat(h, w, CV_8UC1)) {
            gray.data().put(grey);
            Box ink = inkBox(gray, polarity);
            if (ink == null) {
                return null;
            }
            DigitNormalizer.Normalized n = normalizer.normalize(gray, ink, polarity);
            return n == null ? null : n.pixels();
        }
    }

    /** Grey levels, transparency shown over white as a viewer would. */
    static byte[] grey(BufferedImage image) {
        BufferedImage g = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D gr = g.createGraphics();
        gr.setColor(Color.WHITE);
        gr.fillRect(0, 0, image.getWidth(), image.getHeight());
        gr.drawImage(image, 0, 0, null);
        gr.dispose();
        return ((DataBufferByte) g.getRaster().getDataBuffer()).getData().clone();
    }

    /**
     * The margin is surface: if the border's median is nearer the image's bright end than its dark
     * end, the ink is dark. Chalk on a board and a photo of a screen come out light-on-dark.
     */
    static Polarity polarity(byte[] grey, int w, int h) {
        int ring = Math.max(1, Math.min(w, h) / 10);
        int[] border = new int[256];
        int[] all = new int[256];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int v = grey[y * w + x] & 0xff;
                all[v]++;
                if (x < ring || y < ring || x >= w - ring || y >= h - ring) {
                    border[v]++;
                }
            }
        }
        int median = percentile(border, 0.5);
        int dark = percentile(all, 0.02);
        int bright = percentile(all, 0.98);
        return bright - median <= median - dark ? Polarity.DARK_ON_LIGHT : Polarity.LIGHT_ON_DARK;
    }

    private static int percentile(int[] histogram, double p) {
        int n = 0;
        for (int c : histogram) {
            n += c;
        }
        int rank = Math.min(n - 1, (int) (p * n));
        int level = 0;
        int seen = histogram[0];
        while (seen <= rank && level < 255) {
            seen += histogram[++level];
        }
        return level;
    }

    /**
     * The box a detection would have had: Otsu's ink, its parts that are not specks and do not
     * merely touch the border (a neighbour's stroke, the sheet's edge), unless nothing else is left.
     */
    static Box inkBox(Mat gray, Polarity polarity) {
        try (Mat ink = new Mat(); Mat labels = new Mat(); Mat stats = new Mat(); Mat centroids = new Mat()) {
            gray.copyTo(ink);
            if (polarity == Polarity.DARK_ON_LIGHT) {
                bitwise_not(ink, ink);
            }
            threshold(ink, ink, 0, 255, THRESH_BINARY | THRESH_OTSU);
            int n = connectedComponentsWithStats(ink, labels, stats, centroids);
            int w = gray.cols();
            int h = gray.rows();
            try (IntIndexer s = stats.createIndexer()) {
                int largestInside = 0;
                int largest = 0;
                for (int i = 1; i < n; i++) {
                    int area = s.get(i, 4);
                    largest = Math.max(largest, area);
                    if (!touchesBorder(s, i, w, h)) {
                        largestInside = Math.max(largestInside, area);
                    }
                }
                if (largest == 0) {
                    return null;
                }
                boolean inside = largestInside > 0;
                int reference = inside ? largestInside : largest;
                Box box = null;
                for (int i = 1; i < n; i++) {
                    if (s.get(i, 4) < MIN_PART * reference || inside && touchesBorder(s, i, w, h)) {
                        continue;
                    }
                    Box part = new Box(s.get(i, 0), s.get(i, 1), s.get(i, 2), s.get(i, 3));
                    box = box == null ? part : box.union(part);
                }
                return box;
            }
        }
    }

    private static boolean touchesBorder(IntIndexer s, int i, int w, int h) {
        int x = s.get(i, 0);
        int y = s.get(i, 1);
        return x == 0 || y == 0 || x + s.get(i, 2) >= w || y + s.get(i, 3) >= h;
    }
}
