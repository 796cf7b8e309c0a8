package io.digitcam.vision;

import static org.bytedeco.opencv.global.opencv_core.*;
import static org.bytedeco.opencv.global.opencv_imgproc.*;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.bytedeco.javacpp.indexer.IntIndexer;
import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Finds the regions of a colour frame that may hold digits, of either polarity.
 *
 * <p>Ink is what is markedly darker (or lighter) than its local background, where the
 * background is the frame with every thin feature closed over (a morphological closing or
 * opening). Judging ink relative to its own background keeps strokes in shadows and under
 * uneven light, and the ratio test drops faint ruled or squared lines. Connected pieces of ink
 * are merged when they are fragments of one broken digit, split when several digits touch, and
 * kept only if they are digit-shaped and stand on a plain surface: clutter in a room rarely has
 * clear, even surroundings, paper and boards do.
 *
 * <p>Not thread-safe; one instance per worker thread.
 */
public final class DigitDetector {
    private final DetectionSettings s;

    public DigitDetector(DetectionSettings settings) {
        this.s = settings;
    }

    public DetectionSettings settings() {
        return s;
    }

    /** A connected piece of ink at working resolution. */
    private record Blob(Box box, int ink, Polarity polarity) {
    }

    /** Detects in a BGR, BGRA or grey frame. The caller closes the returned detection. */
    public Detection detect(Mat frame) {
        Mat gray = new Mat();
        switch (frame.channels()) {
            case 1 -> frame.copyTo(gray);
            case 4 -> cvtColor(frame, gray, COLOR_BGRA2GRAY);
            default -> cvtColor(frame, gray, COLOR_BGR2GRAY);
        }
        double scale = Math.min(1.0, s.workingHeight() / (double) gray.rows());
        Mat inkMask = new Mat();
        List<Region> regions;
        try (Mat small = new Mat(); Mat darkMask = new Mat(); Mat lightMask = new Mat()) {
            if (scale < 1.0) {
                resize(gray, small, new Size((int) Math.round(gray.cols() * scale), (int) Math.round(gray.rows() * scale)),
                        0, 0, INTER_AREA);
            } else {
                gray.copyTo(small);
            }
            int k = Math.max(3, (int) Math.round(s.backgroundKernel() * small.rows()) | 1);
            List<Region> found = new ArrayList<>();
            try (Mat kernel = getStructuringElement(MORPH_RECT, new Size(k, k)); Mat background = new Mat();
                 Mat integral = new Mat(); Mat integralSq = new Mat()) {
                morphologyEx(small, background, MORPH_CLOSE, kernel);
                inkMask(small, background, Polarity.DARK_ON_LIGHT, darkMask);
                integral2(background, integral, integralSq, CV_64F, CV_64F);
                found.addAll(regions(darkMask, integral, integralSq, Polarity.DARK_ON_LIGHT));
                morphologyEx(small, background, MORPH_OPEN, kernel);
                inkMask(small, background, Polarity.LIGHT_ON_DARK, lightMask);
                integral2(background, integral, integralSq, CV_64F, CV_64F);
                found.addAll(regions(lightMask, integral, integralSq, Polarity.LIGHT_ON_DARK));
            }
            bitwise_or(darkMask, lightMask, inkMask);
            regions = resolveOverlaps(found).stream()
                    .sorted(Comparator.comparingLong((Region r) -> r.box().area()).reversed())
                    .limit(s.maxCandidates())
                    .map(r -> new Region(r.box().scaled(1 / scale).grown(0, 0, gray.cols(), gray.rows()), r.polarity()))
                    .toList();
        }
        return new Detection(gray, inkMask, scale, regions);
    }

    /** Pixels darker (lighter) than their background by both the ratio and the absolute margin. */
    private void inkMask(Mat img, Mat background, Polarity polarity, Mat mask) {
        try (Mat diff = new Mat(); Mat level = new Mat(); Mat threshold = new Mat()) {
            if (polarity == Polarity.DARK_ON_LIGHT) {
                subtract(background, img, diff);
                background.convertTo(level, CV_8U, s.minInkRatio(), 0);
            } else {
                subtract(img, background, diff);
                background.convertTo(level, CV_8U, -s.minInkRatio(), 255 * s.minInkRatio());
            }
            try (Mat floor = new Mat(level.size(), CV_8U, org.bytedeco.opencv.opencv_core.Scalar.all(s.minInkContrast()))) {
                max(level, floor, threshold);
            }
            compare(diff, threshold, mask, CMP_GT);
        }
    }

    private List<Region> regions(Mat mask, Mat integral, Mat integralSq, Polarity polarity) {
        int rows = mask.rows();
        int cols = mask.cols();
        double minH = s.minHeight() * rows;
        double maxH = s.maxHeight() * rows;
        List<Blob> blobs = new ArrayList<>();
        try (Mat labels = new Mat(); Mat stats = new Mat(); Mat centroids = new Mat()) {
            int n = connectedComponentsWithStats(mask, labels, stats, centroids, 8, CV_32S);
            try (IntIndexer st = stats.createIndexer()) {
                int minInk = (int) Math.max(4, minH * minH * 0.02);
                for (int i = 1; i < n; i++) {
                    int area = st.get(i, CC_STAT_AREA);
                    int h = st.get(i, CC_STAT_HEIGHT);
                    if (area >= minInk && h <= maxH) {
                        blobs.add(new Blob(new Box(st.get(i, CC_STAT_LEFT), st.get(i, CC_STAT_TOP),
                                st.get(i, CC_STAT_WIDTH), h), area, polarity));
                    }
                }
            }
        }
        List<Region> out = new ArrayList<>();
        try (UByteIndexer m = mask.createIndexer(); Mat sumMask = new Mat();
             DoubleIndexer bg = integral.createIndexer(); DoubleIndexer bgSq = integralSq.createIndexer()) {
            integral(mask, sumMask, CV_32S);
            try (IntIndexer ink = sumMask.createIndexer()) {
                for (Blob blob : merge(blobs)) {
                    for (Box part : split(blob.box(), m)) {
                        if (accept(part, ink, bg, bgSq, rows, cols, minH, maxH)) {
                            out.add(new Region(part, polarity));
                        }
                    }
                }
            }
        }
        return out;
    }

    /** Joins fragments of one broken digit: pieces stacked in x, one much smaller, close in y. */
    private List<Blob> merge(List<Blob> blobs) {
        List<Blob> work = new ArrayList<>(blobs);
        boolean merged = true;
        while (merged) {
            merged = false;
            outer:
            for (int i = 0; i < work.size(); i++) {
                for (int j = i + 1; j < work.size(); j++) {
                    Box a = work.get(i).box();
                    Box b = work.get(j).box();
                    int overlapX = Math.min(a.right(), b.right()) - Math.max(a.x(), b.x());
                    int gapY = Math.max(a.y(), b.y()) - Math.min(a.bottom(), b.bottom());
                    int tall = Math.max(a.height(), b.height());
                    int shortH = Math.min(a.height(), b.height());
                    boolean fragment = shortH < 0.6 * tall || Math.min(a.area(), b.area()) < 0.3 * Math.max(a.area(), b.area());
                    if (fragment && overlapX >= s.mergeOverlap() * Math.min(a.width(), b.width())
                            && gapY <= s.mergeGap() * tall) {
                        Blob joined = new Blob(a.union(b), work.get(i).ink() + work.get(j).ink(), work.get(i).polarity());
                        work.set(i, joined);
                        work.remove(j);
                        merged = true;
                        break outer;
                    }
                }
            }
        }
        return work;
    }

    /** Splits a region too wide for one digit at the emptiest columns near equal divisions. */
    private List<Box> split(Box box, UByteIndexer mask) {
        double aspect = box.width() / (double) box.height();
        if (aspect <= s.maxAspect()) {
            return List.of(box);
        }
        int n = (int) Math.min(s.maxDigitsPerRegion(), Math.max(2, Math.round(aspect / 0.65)));
        int[] column = new int[box.width()];
        for (int y = box.y(); y < box.bottom(); y++) {
            for (int x = box.x(); x < box.right(); x++) {
                if (mask.get(y, x) != 0) {
                    column[x - box.x()]++;
                }
            }
        }
        List<Box> parts = new ArrayList<>();
        int start = 0;
        for (int i = 1; i < n; i++) {
            int centre = i * box.width() / n;
            int reach = Math.max(1, box.width() / (4 * n));
            int best = centre;
            for (int x = Math.max(start + 1, centre - reach); x < Math.min(box.width() - 1, centre + reach); x++) {
                if (column[x] < column[best]) {
                    best = x;
                }
            }
            parts.add(tighten(new Box(box.x() + start, box.y(), best - start, box.height()), mask));
            start = best;
        }
        parts.add(tighten(new Box(box.x() + start, box.y(), box.width() - start, box.height()), mask));
        return parts;
    }

    private static Box tighten(Box b, UByteIndexer mask) {
        int top = b.bottom();
        int bottom = b.y() - 1;
        for (int y = b.y(); y < b.bottom(); y++) {
            for (int x = b.x(); x < b.right(); x++) {
                if (mask.get(y, x) != 0) {
                    top = Math.min(top, y);
                    bottom = Math.max(bottom, y);
                    break;
                }
            }
        }
        return bottom < top ? b : new Box(b.x(), top, b.width(), bottom - top + 1);
    }

    private boolean accept(Box b, IntIndexer ink, DoubleIndexer bg, DoubleIndexer bgSq, int rows, int cols,
                           double minH, double maxH) {
        if (b.height() < minH || b.height() > maxH || b.width() < 1) {
            return false;
        }
        double aspect = b.width() / (double) b.height();
        if (aspect < s.minAspect() || aspect > s.maxAspect() * 1.15) {
            return false;
        }
        if (b.x() <= 0 || b.y() <= 0 || b.right() >= cols || b.bottom() >= rows) {
            return false;
        }
        double density = sum(ink, b) / 255.0 / b.area();
        if (density < s.minDensity() || density > s.maxDensity()) {
            return false;
        }
        int margin = Math.max(2, (int) Math.round(s.surroundMargin() * b.height()));
        Box above = new Box(b.x(), Math.max(0, b.y() - margin), b.width(), Math.min(margin, b.y()));
        Box below = new Box(b.x(), b.bottom(), b.width(), Math.min(margin, rows - b.bottom()));
        double ringArea = above.area() + below.area();
        double ringInk = (sum(ink, above) + sum(ink, below)) / 255.0;
        if (ringArea > 0 && ringInk / ringArea > s.maxSurroundInk()) {
            return false;
        }
        Box around = b.grown(margin, margin, cols, rows);
        double n = around.area();
        double mean = sum(bg, around) / n;
        double var = Math.max(0, sum(bgSq, around) / n - mean * mean);
        return mean > 0 && Math.sqrt(var) / mean <= s.maxSurroundVariation();
    }

    private static double sum(IntIndexer ii, Box b) {
        if (b.width() <= 0 || b.height() <= 0) {
            return 0;
        }
        return (double) ii.get(b.bottom(), b.right()) - ii.get(b.y(), b.right()) - ii.get(b.bottom(), b.x())
                + ii.get(b.y(), b.x());
    }

    private static double sum(DoubleIndexer ii, Box b) {
        return ii.get(b.bottom(), b.right()) - ii.get(b.y(), b.right()) - ii.get(b.bottom(), b.x()) + ii.get(b.y(), b.x());
    }

    /**
     * The loops of a dark 0 or 8 are light regions of digit size, and the gaps between chalk
     * strokes dark ones: a region mostly inside a larger one of the other polarity is dropped.
     */
    private static List<Region> resolveOverlaps(List<Region> regions) {
        List<Region> kept = new ArrayList<>();
        for (Region r : regions) {
            boolean inside = false;
            for (Region o : regions) {
                if (o != r && o.polarity() != r.polarity() && o.box().area() > r.box().area()
                        && r.box().intersection(o.box()) >= 0.5 * r.box().area()) {
                    inside = true;
                    break;
                }
            }
            if (!inside) {
                kept.add(r);
            }
        }
        return kept;
    }
}
