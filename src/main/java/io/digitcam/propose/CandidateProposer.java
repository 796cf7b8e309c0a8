package io.digitcam.propose;

import static org.bytedeco.opencv.global.opencv_core.*;
import static org.bytedeco.opencv.global.opencv_imgproc.*;

import io.digitcam.vision.Box;
import io.digitcam.vision.Polarity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.bytedeco.javacpp.indexer.IntIndexer;
import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Proposes every place in a colour frame where a digit may be: connected ink of either
 * polarity, at several scales, whole, with nearby fragments joined, and cut where it is too
 * wide for one digit. It decides nothing else: recall is its job, rejection the verifier's.
 *
 * <p>Ink is what a closing (dark ink) or opening (light ink) with a kernel wider than a stroke
 * takes away, relative to the surface it leaves: so a shadow or a colour cast moves ink and
 * surface together. Each colour channel is judged on its own and the largest contrast counts,
 * as red on pink or blue on yellow nearly vanish in grey. A halved frame per level lets one
 * small kernel see strokes from a 1 px ballpoint line to a marker digit held close.
 *
 * <p>Not thread-safe; one instance per worker thread.
 */
public final class CandidateProposer {
    /** The least surface level contrast is measured against: keeps noise in dark areas from passing as ink. */
    private static final double MIN_SURFACE = 64;
    private final ProposalSettings s;

    public CandidateProposer(ProposalSettings settings) {
        this.s = settings;
    }

    public ProposalSettings settings() {
        return s;
    }

    /** Proposes in a BGR (or grey) frame; the caller closes the result. */
    public Proposals propose(Mat frame) {
        Mat gray = new Mat();
        Mat bgr = new Mat();
        if (frame.channels() == 1) {
            frame.copyTo(gray);
            cvtColor(frame, bgr, COLOR_GRAY2BGR);
        } else if (frame.channels() == 4) {
            cvtColor(frame, bgr, COLOR_BGRA2BGR);
            cvtColor(frame, gray, COLOR_BGRA2GRAY);
        } else {
            frame.copyTo(bgr);
            cvtColor(frame, gray, COLOR_BGR2GRAY);
        }
        List<InkMap> maps = new ArrayList<>();
        List<Candidate> found = new ArrayList<>();
        try (Mat level = new Mat(); Mat kernel = getStructuringElement(MORPH_RECT,
                new Size(s.strokeKernel(), s.strokeKernel()))) {
            // Never below half size: a 12 px digit in a 1080p frame would shrink to 4 px.
            double scale = Math.min(1.0, Math.max(0.5, s.workingHeight() / (double) frame.rows()));
            resize(bgr, level, new Size(Math.max(1, (int) Math.round(frame.cols() * scale)),
                    Math.max(1, (int) Math.round(frame.rows() * scale))), 0, 0, INTER_AREA);
            bgr.close();
            for (int l = 0; l < s.levels(); l++) {
                if (l > 0) {
                    resize(level, level, new Size(Math.max(1, level.cols() / 2), Math.max(1, level.rows() / 2)),
                            0, 0, INTER_AREA);
                }
                if (level.rows() < 2 * s.strokeKernel()) {
                    break;
                }
                double fx = frame.cols() / (double) level.cols();
                double fy = frame.rows() / (double) level.rows();
                for (Polarity p : Polarity.values()) {
                    InkMap map = new InkMap(l, p, contrast(level, kernel, p), fx, fy);
                    maps.add(map);
                    found.addAll(candidates(map));
                }
            }
        }
        return new Proposals(gray, maps, distinct(found));
    }

    /** Per-pixel ink contrast of one polarity, the largest over the colour channels, 0..255. */
    private static Mat contrast(Mat level, Mat kernel, Polarity polarity) {
        Mat out = new Mat();
        try (Mat surface = new Mat(); Mat diff = new Mat(); Mat denom = new Mat(); Mat ratio = new Mat();
             MatVector channels = new MatVector()) {
            if (polarity == Polarity.DARK_ON_LIGHT) {
                morphologyEx(level, surface, MORPH_CLOSE, kernel);
                subtract(surface, level, diff);
                max(surface, new Mat(1, 1, CV_64F, Scalar.all(MIN_SURFACE)), denom);
            } else {
                morphologyEx(level, surface, MORPH_OPEN, kernel);
                subtract(level, surface, diff);
                // Light ink is measured against the headroom above its surface.
                try (Mat headroom = new Mat()) {
                    subtract(new Mat(1, 1, CV_64F, Scalar.all(255)), surface, headroom);
                    max(headroom, new Mat(1, 1, CV_64F, Scalar.all(MIN_SURFACE)), denom);
                }
            }
            divide(diff, denom, ratio, 255.0, CV_8U);
            split(ratio, channels);
            channels.get(0).copyTo(out);
            for (long c = 1; c < channels.size(); c++) {
                max(out, channels.get(c), out);
            }
            // Pencil graphite and chalk are grainy: a little blur lets a stroke's grains hold together.
            GaussianBlur(out, out, new Size(3, 3), 0);
        }
        return out;
    }

    /** Connected ink of one map, plain and with fragments one pixel apart joined. */
    private List<Candidate> candidates(InkMap map) {
        List<Candidate> out = new ArrayList<>();
        int minHeight = map.level() == 0 ? s.minHeight() : 3 * s.minHeight();
        int maxHeight = (int) Math.round(s.maxHeight() * map.height());
        try (Mat mask = new Mat(); Mat joined = new Mat()) {
            threshold(map.contrast(), mask, s.minContrast() * 255, 255, THRESH_BINARY);
            dilate(mask, joined, new Mat());
            components(mask, mask, 0, map, minHeight, maxHeight, out);
            components(joined, mask, 1, map, minHeight, maxHeight, out);
        }
        return out;
    }

    private void components(Mat labelsOf, Mat ink, int shrink, InkMap map, int minHeight, int maxHeight,
                            List<Candidate> out) {
        try (Mat labels = new Mat(); Mat stats = new Mat(); Mat centroids = new Mat()) {
            int n = connectedComponentsWithStats(labelsOf, labels, stats, centroids, 8, CV_32S);
            int cols = ink.cols();
            int rows = ink.rows();
            try (IntIndexer st = stats.createIndexer()) {
                for (int i = 1; i < n; i++) {
                    int x = st.get(i, CC_STAT_LEFT) + shrink;
                    int y = st.get(i, CC_STAT_TOP) + shrink;
                    int w = st.get(i, CC_STAT_WIDTH) - 2 * shrink;
                    int h = st.get(i, CC_STAT_HEIGHT) - 2 * shrink;
                    if (h < minHeight || h > maxHeight || w < 1 || st.get(i, CC_STAT_AREA) < 6) {
                        continue;
                    }
                    Box box = new Box(x, y, w, h).grown(0, 0, cols, rows);
                    double aspect = box.width() / (double) box.height();
                    if (aspect <= s.maxAspect()) {
                        out.add(candidate(map, box));
                    }
                    if (aspect > s.cutAspect() && aspect <= s.maxAspect()) {
                        // Perhaps touching digits: offered cut as well as whole.
                        for (Box piece : cut(ink, box)) {
                            if (piece.height() >= minHeight) {
                                out.add(candidate(map, piece));
                            }
                        }
                    }
                }
            }
        }
    }

    private static Candidate candidate(InkMap map, Box levelBox) {
        return new Candidate(map.toFrame(levelBox), map.polarity(), map.level(), levelBox, map.mean(levelBox));
    }

    /**
     * Cuts ink too wide for one digit into as many pieces as digits of its height would fill,
     * each cut at the column with least ink near where an even cut would fall.
     */
    static List<Box> cut(Mat ink, Box box) {
        int[] columns = new int[box.width()];
        try (UByteIndexer idx = ink.createIndexer()) {
            for (int y = box.y(); y < box.bottom(); y++) {
                for (int x = box.x(); x < box.right(); x++) {
                    if (idx.get(y, x) != 0) {
                        columns[x - box.x()]++;
                    }
                }
            }
            int pieces = Math.max(2, (int) Math.round(box.width() / (0.7 * box.height())));
            List<Box> out = new ArrayList<>();
            int start = 0;
            for (int p = 1; p <= pieces; p++) {
                int end = box.width();
                if (p < pieces) {
                    int even = p * box.width() / pieces;
                    int reach = Math.max(1, box.width() / pieces / 3);
                    end = even;
                    for (int c = Math.max(start + 1, even - reach); c <= Math.min(box.width() - 1, even + reach); c++) {
                        if (columns[c] < columns[end]) {
                            end = c;
                        }
                    }
                }
                Box piece = tightRows(idx, box.x() + start, box.y(), end - start, box.height());
                if (piece != null) {
                    out.add(piece);
                }
                start = end;
            }
            return out;
        }
    }

    private static Box tightRows(UByteIndexer idx, int x, int y, int w, int h) {
        int top = -1;
        int bottom = -1;
        for (int r = y; r < y + h; r++) {
            for (int c = x; c < x + w; c++) {
                if (idx.get(r, c) != 0) {
                    if (top < 0) {
                        top = r;
                    }
                    bottom = r;
                    break;
                }
            }
        }
        return top < 0 || w < 1 ? null : new Box(x, top, w, bottom - top + 1);
    }

    /**
     * One candidate per place: of boxes of one polarity that nearly coincide, the one from the
     * finest level is kept. Then the cap, largest first: the smallest are the likeliest noise.
     * (Strongest mean contrast first kept 6 points fewer digits of generated scenes: a thin
     * ballpoint digit covers little of its box, and texture blobs are solid.)
     */
    private List<Candidate> distinct(List<Candidate> found) {
        List<Candidate> sorted = new ArrayList<>(found);
        sorted.sort(Comparator.comparingInt(Candidate::level));
        List<Candidate> kept = new ArrayList<>();
        for (Candidate c : sorted) {
            boolean twin = false;
            for (Candidate k : kept) {
                if (k.polarity() == c.polarity() && iou(k.box(), c.box()) > 0.8) {
                    twin = true;
                    break;
                }
            }
            if (!twin) {
                kept.add(c);
            }
        }
        kept.sort(Comparator.comparingLong((Candidate c) -> c.box().area()).reversed());
        return kept.size() > s.maxCandidates() ? List.copyOf(kept.subList(0, s.maxCandidates())) : kept;
    }

    static double iou(Box a, Box b) {
        long inter = a.intersection(b);
        return inter == 0 ? 0 : inter / (double) (a.area() + b.area() - inter);
    }
}
