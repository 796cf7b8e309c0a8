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
    private final Mat kernel;
    // Read-only operands, made once: a 1×1 Mat per operation per frame was native garbage.
    private final Mat minSurface = new Mat(1, 1, CV_64F, Scalar.all(MIN_SURFACE));
    private final Mat white = new Mat(1, 1, CV_64F, Scalar.all(255));
    /** An empty kernel: OpenCV's 3×3 square, which joins fragments one pixel apart. */
    private final Mat square3 = new Mat();
    /**
     * Each level's temporaries, kept from frame to frame: a level's images have the same size
     * every frame, so OpenCV reuses their buffers instead of allocating (and faulting in) a
     * dozen new ones per level and polarity.
     */
    private final Scratch[] scratch;

    public CandidateProposer(ProposalSettings settings) {
        this.s = settings;
        this.kernel = getStructuringElement(MORPH_RECT, new Size(settings.strokeKernel(), settings.strokeKernel()));
        this.scratch = new Scratch[settings.levels()];
    }

    /** One level's working images; only the ink maps themselves leave the proposer. */
    private static final class Scratch {
        final Mat level = new Mat();
        final Mat surface = new Mat();
        final Mat diff = new Mat();
        final Mat denom = new Mat();
        final Mat headroom = new Mat();
        final Mat ratio = new Mat();
        final MatVector channels = new MatVector();
        final Mat mask = new Mat();
        final Mat joined = new Mat();
        final Mat labels = new Mat();
        final Mat stats = new Mat();
        final Mat centroids = new Mat();
    }

    private Scratch scratch(int level) {
        if (scratch[level] == null) {
            scratch[level] = new Scratch();
        }
        return scratch[level];
    }

    public ProposalSettings settings() {
        return s;
    }

    /** Proposes in a BGR (or grey) frame; the caller closes the result. */
    public Proposals propose(Mat frame) {
        Mat gray = new Mat();
        // A BGR frame is read where it is (the caller keeps it until we return): a copy of it
        // cost as much as the first resize.
        Mat bgr = frame.channels() == 3 ? frame : new Mat();
        if (frame.channels() == 1) {
            frame.copyTo(gray);
            cvtColor(frame, bgr, COLOR_GRAY2BGR);
        } else if (frame.channels() == 4) {
            cvtColor(frame, bgr, COLOR_BGRA2BGR);
            cvtColor(frame, gray, COLOR_BGRA2GRAY);
        } else {
            cvtColor(frame, gray, COLOR_BGR2GRAY);
        }
        List<InkMap> maps = new ArrayList<>();
        List<Candidate> found = new ArrayList<>();
        // Never below half size: a 12 px digit in a 1080p frame would shrink to 4 px.
        double scale = Math.min(1.0, Math.max(0.5, s.workingHeight() / (double) frame.rows()));
        Mat previous = null;
        for (int l = 0; l < s.levels(); l++) {
            Scratch work = scratch(l);
            Mat level = work.level;
            if (l == 0) {
                resize(bgr, level, new Size(Math.max(1, (int) Math.round(frame.cols() * scale)),
                        Math.max(1, (int) Math.round(frame.rows() * scale))), 0, 0, INTER_AREA);
                if (bgr != frame) {
                    bgr.close();
                }
            } else {
                resize(previous, level, new Size(Math.max(1, previous.cols() / 2), Math.max(1, previous.rows() / 2)),
                        0, 0, INTER_AREA);
            }
            previous = level;
            if (level.rows() < 2 * s.strokeKernel()) {
                break;
            }
            double fx = frame.cols() / (double) level.cols();
            double fy = frame.rows() / (double) level.rows();
            for (Polarity p : Polarity.values()) {
                InkMap map = new InkMap(l, p, contrast(work, p), fx, fy);
                maps.add(map);
                found.addAll(candidates(map, work));
            }
        }
        return new Proposals(gray, maps, distinct(found));
    }

    /** Per-pixel ink contrast of one polarity, the largest over the colour channels, 0..255. */
    private Mat contrast(Scratch work, Polarity polarity) {
        Mat level = work.level;
        Mat surface = work.surface;
        Mat diff = work.diff;
        Mat denom = work.denom;
        Mat out = new Mat();
        if (polarity == Polarity.DARK_ON_LIGHT) {
            morphologyEx(level, surface, MORPH_CLOSE, kernel);
            subtract(surface, level, diff);
            max(surface, minSurface, denom);
        } else {
            morphologyEx(level, surface, MORPH_OPEN, kernel);
            subtract(level, surface, diff);
            // Light ink is measured against the headroom above its surface.
            subtract(white, surface, work.headroom);
            max(work.headroom, minSurface, denom);
        }
        divide(diff, denom, work.ratio, 255.0, CV_8U);
        split(work.ratio, work.channels);
        // A level is always BGR. The first max writes the map, so no channel is copied to start from.
        max(work.channels.get(0), work.channels.get(1), out);
        max(out, work.channels.get(2), out);
        // Pencil graphite and chalk are grainy: a little blur lets a stroke's grains hold together.
        GaussianBlur(out, out, new Size(3, 3), 0);
        return out;
    }

    /** Connected ink of one map, plain and with fragments one pixel apart joined. */
    private List<Candidate> candidates(InkMap map, Scratch work) {
        List<Candidate> out = new ArrayList<>();
        int minHeight = map.level() == 0 ? s.minHeight() : 3 * s.minHeight();
        int maxHeight = (int) Math.round(s.maxHeight() * map.height());
        threshold(map.contrast(), work.mask, s.minContrast() * 255, 255, THRESH_BINARY);
        dilate(work.mask, work.joined, square3);
        components(work.mask, work.mask, 0, map, minHeight, maxHeight, work, out);
        components(work.joined, work.mask, 1, map, minHeight, maxHeight, work, out);
        return out;
    }

    private void components(Mat labelsOf, Mat ink, int shrink, InkMap map, int minHeight, int maxHeight,
                            Scratch work, List<Candidate> out) {
        int n = connectedComponentsWithStats(labelsOf, work.labels, work.stats, work.centroids, 8, CV_32S);
        int cols = ink.cols();
        int rows = ink.rows();
        try (IntIndexer st = work.stats.createIndexer()) {
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
