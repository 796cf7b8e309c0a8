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
import org.bytedeco.opencv.opencv_core.Moments;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
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

    /** A region the filters turned down, and which filter: for the debug output. */
    public record Rejection(Box box, Polarity polarity, String reason) {
    }

    /** Detects in a BGR, BGRA or grey frame. The caller closes the returned detection. */
    public Detection detect(Mat frame) {
        return detect(frame, null);
    }

    /** Also reports every rejected region (in frame pixels) to {@code rejections}, if not null. */
    public Detection detect(Mat frame, List<Rejection> rejections) {
        Mat gray = new Mat();
        switch (frame.channels()) {
            case 1 -> frame.copyTo(gray);
            case 4 -> cvtColor(frame, gray, COLOR_BGRA2GRAY);
            default -> cvtColor(frame, gray, COLOR_BGR2GRAY);
        }
        double scale = Math.min(1.0, s.workingHeight() / (double) gray.rows());
        Mat darkMask = new Mat();
        Mat lightMask = new Mat();
        List<Region> regions;
        try (Mat small = new Mat()) {
            if (scale < 1.0) {
                resize(gray, small, new Size((int) Math.round(gray.cols() * scale), (int) Math.round(gray.rows() * scale)),
                        0, 0, INTER_AREA);
            } else {
                gray.copyTo(small);
            }
            List<Region> found = new ArrayList<>();
            int k = Math.max(3, (int) Math.round(s.strokeKernel() * small.rows()) | 1);
            try (Surface surface = surface(small); Mat kernel = getStructuringElement(MORPH_RECT, new Size(k, k));
                 Mat closed = new Mat(); Mat opened = new Mat()) {
                morphologyEx(small, closed, MORPH_CLOSE, kernel);
                morphologyEx(small, opened, MORPH_OPEN, kernel);
                inkMask(small, closed, surface, Polarity.DARK_ON_LIGHT, darkMask);
                inkMask(small, opened, surface, Polarity.LIGHT_ON_DARK, lightMask);
                List<Rejection> rejected = rejections != null ? new ArrayList<>() : null;
                found.addAll(regions(small, surface.level(), darkMask, Polarity.DARK_ON_LIGHT, rejected));
                found.addAll(regions(small, surface.level(), lightMask, Polarity.LIGHT_ON_DARK, rejected));
                if (rejected != null) {
                    for (Rejection r : rejected) {
                        rejections.add(new Rejection(r.box().scaled(1 / scale), r.polarity(), r.reason()));
                    }
                }
            }
            regions = resolveOverlaps(found, s.maxEnclosing()).stream()
                    .sorted(Comparator.comparingLong((Region r) -> r.box().area()).reversed())
                    .limit(s.maxCandidates())
                    .map(r -> r.scaled(1 / scale, gray.cols(), gray.rows()))
                    .toList();
        }
        return new Detection(gray, darkMask, lightMask, scale, regions);
    }

    /**
     * Whether a "1" read from {@code region} may be a number on its own: no other ink of its
     * polarity close around it (the edge of a shadow next to chalk is not), hardly any right at
     * its edges, and its ink is a stroke: not a long thin line, nor much wider at one end (see
     * {@link DetectionSettings.LoneStroke}).
     * Asked only of lone "1"s, after classification, so other regions never pay for it.
     */
    public boolean mayStandAlone(Detection detection, Region region) {
        return mayStandAlone(detection, region, List.of());
    }

    /**
     * The same, for a "1" in a number made only of "1"s: the ink of {@code companions} (the other
     * "1"s, boxes in frame pixels) does not count around it, so "11" written alone is read while
     * two book spines side by side, each amid clutter, are not.
     */
    public boolean mayStandAlone(Detection detection, Region region, List<Box> companions) {
        DetectionSettings.LoneStroke lone = s.loneStroke();
        Mat mask = detection.ink(region.polarity());
        Box b = region.box().scaled(detection.scale()).grown(0, 0, mask.cols(), mask.rows());
        if (b.width() <= 0 || b.height() <= 0) {
            return false;
        }
        // At least the near band, which is checked inside this ring.
        int margin = Math.max(lone.nearBand(), (int) Math.round(lone.ring() * b.height()));
        Box around = b.grown(margin, margin, mask.cols(), mask.rows());
        // A copy of the ring, as the companions are painted out of it.
        try (Mat inside = new Mat(mask, rect(b)); Mat ring = new Mat(mask, rect(around)); Mat all = ring.clone()) {
            for (Box companion : companions) {
                Box c = companion.scaled(detection.scale()).grown(0, 0, mask.cols(), mask.rows()).overlap(around);
                if (c != null) {
                    try (Mat part = new Mat(all, new Rect(c.x() - around.x(), c.y() - around.y(), c.width(), c.height()))) {
                        part.put(Scalar.all(0));
                    }
                }
            }
            Moments m = moments(inside, true);
            double area = m.m00();
            double ringArea = around.area() - b.area();
            if (area <= 0 || ringArea > 0 && (countNonZero(all) - area) / ringArea > lone.maxRingInk()) {
                return false;
            }
            // Ink right at the edge of its box means the region was cut from something longer:
            // a dotted string or a broken edge whose next dash is a pixel or two away.
            Box near = b.grown(lone.nearBand(), lone.nearBand(), mask.cols(), mask.rows());
            try (Mat withNear = new Mat(all, new Rect(near.x() - around.x(), near.y() - around.y(),
                    near.width(), near.height()))) {
                if (countNonZero(withNear) - area > lone.maxNearInk()) {
                    return false;
                }
            }
            // Length over width of the ink: a bar's length L is √(12·along), its width area / L,
            // so their ratio is 12·along / area.
            return 12 * InkSpread.of(m).along() / area <= lone.maxElongation()
                    && StrokeTaper.of(inside, m) <= lone.maxTaper();
        }
    }

    private static Rect rect(Box b) {
        return new Rect(b.x(), b.y(), b.width(), b.height());
    }

    /**
     * The surface the ink is on: a median over a window several strokes wide, so thin strokes of
     * either polarity do not move it. Computed at an eighth of the working resolution: a surface
     * varies slowly, and a large median is costly (an eighth instead of a quarter saved about
     * 2 ms of a 720p frame for 0.3% fewer digits read on 1,000 scenes).
     */
    private Surface surface(Mat small) {
        Mat level = new Mat();
        Mat darkestNear = new Mat();
        try (Mat tiny = new Mat(); Mat tinyMedian = new Mat(); Mat tinyDarkest = new Mat()) {
            int tw = Math.max(8, small.cols() / 8);
            int th = Math.max(8, small.rows() / 8);
            resize(small, tiny, new Size(tw, th), 0, 0, INTER_AREA);
            int k = Math.max(3, (int) Math.round(s.backgroundKernel() * th) | 1);
            medianBlur(tiny, tinyMedian, k);
            resize(tinyMedian, level, small.size(), 0, 0, INTER_LINEAR);
            int reach = Math.max(3, (int) Math.round(s.board().reach() * th) | 1);
            try (Mat kernel = getStructuringElement(MORPH_RECT, new Size(reach, reach))) {
                erode(tinyMedian, tinyDarkest, kernel);
            }
            resize(tinyDarkest, darkestNear, small.size(), 0, 0, INTER_LINEAR);
        }
        return new Surface(level, darkestNear);
    }

    /**
     * The surface median, and its darkest level within {@link DetectionSettings.Board#reach}
     * (for chalk by a board's edge). Both are wide and smooth, so both are worked out at the
     * surface's own eighth resolution.
     */
    private record Surface(Mat level, Mat darkestNear) implements AutoCloseable {
        @Override
        public void close() {
            level.close();
            darkestNear.close();
        }
    }

    /**
     * Ink of one polarity. A pixel is ink if it is darker (lighter) than its background, the
     * frame with thin features closed (opened) away, by both the ratio and the absolute margin;
     * that background keeps shadow edges sharp. It must also be darker (lighter) than the
     * surface median: between the strokes of chalk digits the board is "darker than its
     * closing" but not darker than the board.
     */
    private void inkMask(Mat img, Mat background, Surface surface, Polarity polarity, Mat mask) {
        DetectionSettings.InkContrast contrast = polarity == Polarity.DARK_ON_LIGHT ? s.darkInk() : s.lightInk();
        try (Mat below = new Mat();
             Mat floor = new Mat(img.size(), CV_8U, org.bytedeco.opencv.opencv_core.Scalar.all(s.minInkContrast()));
             Mat ceiling = new Mat(img.size(), CV_8U, org.bytedeco.opencv.opencv_core.Scalar.all(contrast.maxLevels()))) {
            standsOut(img, background, contrast.background(), polarity, floor, ceiling, mask);
            standsOut(img, surface.level(), contrast.surface(), polarity, floor, ceiling, below);
            bitwise_and(mask, below, mask);
            if (polarity == Polarity.LIGHT_ON_DARK) {
                // Light ink is chalk or paint on a dark board. On bright paper the cells between
                // the lines of squared paper are "lighter than their surroundings" wherever a
                // shadow pulls the surface median down, and would pass for chalk.
                onBoard(background, surface, below);
                bitwise_and(mask, below, mask);
            }
        }
    }

    /**
     * Where light ink may stand ({@link DetectionSettings.Board}): on a dark surface, or on dark
     * surroundings near one. The second is for chalk by a board's edge, where the wide surface
     * median also takes in what lies beyond the edge.
     */
    private void onBoard(Mat background, Surface surface, Mat out) {
        DetectionSettings.Board board = s.board();
        try (Mat level = new Mat(1, 1, CV_8U, org.bytedeco.opencv.opencv_core.Scalar.all(board.maxLevel()));
             Mat edgeLevel = new Mat(1, 1, CV_8U, org.bytedeco.opencv.opencv_core.Scalar.all(board.edgeLevel()));
             Mat near = new Mat(); Mat dark = new Mat()) {
            compare(surface.level(), level, out, CMP_LE);
            compare(surface.darkestNear(), level, near, CMP_LE);
            compare(background, edgeLevel, dark, CMP_LE);
            bitwise_and(near, dark, near);
            bitwise_or(out, near, out);
        }
    }

    /**
     * Where {@code img} is darker (lighter) than {@code reference} by {@code ratio} of the
     * reference's level (of its headroom below white, for light ink), by {@code floor} at least
     * and {@code ceiling} at most.
     */
    private static void standsOut(Mat img, Mat reference, double ratio, Polarity polarity, Mat floor, Mat ceiling,
                                  Mat out) {
        try (Mat diff = new Mat(); Mat threshold = new Mat()) {
            if (polarity == Polarity.DARK_ON_LIGHT) {
                subtract(reference, img, diff);
                reference.convertTo(threshold, CV_8U, ratio, 0);
            } else {
                subtract(img, reference, diff);
                reference.convertTo(threshold, CV_8U, -ratio, 255 * ratio);
            }
            max(threshold, floor, threshold);
            min(threshold, ceiling, threshold);
            compare(diff, threshold, out, CMP_GT);
        }
    }

    /**
     * The candidate regions in the ink of one polarity. Their surroundings are judged on the frame
     * with that ink painted over by the surface, and only that ink: the other polarity's "ink" may
     * be the paper itself (a sheet's corner is lighter than a surface median taken mostly over a
     * dark desk), and painting the paper desk-dark would make the digits beside it look like clutter.
     */
    private List<Region> regions(Mat small, Mat surface, Mat mask, Polarity polarity, List<Rejection> rejected) {
        try (Mat clean = small.clone(); Mat integral = new Mat(); Mat integralSq = new Mat()) {
            surface.copyTo(clean, mask);
            integral2(clean, integral, integralSq, CV_64F, CV_64F);
            return candidates(mask, surface, integral, integralSq, polarity, rejected);
        }
    }

    private List<Region> candidates(Mat mask, Mat surface, Mat integral, Mat integralSq, Polarity polarity,
                                    List<Rejection> rejected) {
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
        try (UByteIndexer m = mask.createIndexer(); UByteIndexer level = surface.createIndexer(); Mat sumMask = new Mat();
             DoubleIndexer bg = integral.createIndexer(); DoubleIndexer bgSq = integralSq.createIndexer()) {
            integral(mask, sumMask, CV_32S);
            try (IntIndexer ink = sumMask.createIndexer()) {
                for (Blob blob : merge(blobs)) {
                    List<Box> wide = new ArrayList<>();
                    List<Box> parts = split(blob.box(), m, wide);
                    // Cut ink that one wide digit could fill is offered whole too: a "2" or "4"
                    // with a long stroke is cut where its stroke is thinnest, as touching digits are.
                    Box whole = parts.size() > 1
                            && blob.box().width() <= s.wideDigit().maxAspect() * blob.box().height() ? blob.box() : null;
                    if (whole != null) {
                        parts = new ArrayList<>(parts);
                        parts.add(whole);
                    }
                    for (Box part : parts) {
                        double widest = wide.contains(part) || part.equals(whole)
                                ? s.wideDigit().maxAspect() : s.maxAspect() * 1.15;
                        String reason = reject(part, polarity, ink, bg, bgSq, rows, cols, minH, maxH, widest);
                        if (reason == null) {
                            out.add(new Region(part, polarity, isDoubtful(part, polarity, bg, bgSq, level, rows, cols),
                                    whole));
                        } else if (rejected != null) {
                            rejected.add(new Rejection(part, polarity, reason));
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
                    // A fragment is short beside its digit, and joining it must still give one
                    // digit's height: two lines of digits never merge.
                    Box union = a.union(b);
                    boolean fragment = shortH < 0.6 * tall && union.height() <= 1.4 * tall
                            && union.width() <= s.maxAspect() * union.height()
                            && union.width() <= 1.5 * Math.max(a.width(), b.width());
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

    /**
     * Splits a region too wide for one digit: recursively at the column with the least ink in
     * its middle part (touching digits meet where the ink is thinnest), until every part has a
     * digit's aspect ratio or the region has been cut into the most digits allowed. A cut that
     * would leave a piece too short to be a digit is not made, unless the region is too wide even
     * for one digit with a long bar ({@link DetectionSettings.WideDigit}): then cutting the bar off
     * still leaves the digit. The parts left wide that way are added to {@code wide} as well.
     */
    private List<Box> split(Box box, UByteIndexer mask, List<Box> wide) {
        List<Box> parts = new ArrayList<>();
        split(box, mask, s.maxDigitsPerRegion(), parts, wide);
        return parts;
    }

    private void split(Box box, UByteIndexer mask, int budget, List<Box> out, List<Box> wide) {
        double aspect = box.width() / (double) box.height();
        if (aspect <= s.maxAspect() || budget <= 1 || box.width() < 6) {
            out.add(box);
            return;
        }
        int[] column = new int[box.width()];
        for (int y = box.y(); y < box.bottom(); y++) {
            for (int x = box.x(); x < box.right(); x++) {
                if (mask.get(y, x) != 0) {
                    column[x - box.x()]++;
                }
            }
        }
        // Cut no closer to an end than a narrow digit's width.
        int from = Math.max(1, (int) (0.25 * box.height()));
        int to = Math.min(box.width() - 1, box.width() - from);
        if (to <= from) {
            out.add(box);
            return;
        }
        int best = from;
        for (int x = from; x < to; x++) {
            if (column[x] < column[best]) {
                best = x;
            }
        }
        Box left = tighten(new Box(box.x(), box.y(), best, box.height()), mask);
        Box right = tighten(new Box(box.x() + best, box.y(), box.width() - best, box.height()), mask);
        double shortest = s.wideDigit().maxPiece() * box.height();
        if ((left.height() < shortest || right.height() < shortest) && aspect <= s.wideDigit().maxAspect()) {
            out.add(box);
            wide.add(box);
            return;
        }
        int share = Math.max(1, (int) Math.round(budget * best / (double) box.width()));
        split(left, mask, Math.max(1, Math.min(budget - 1, share)), out, wide);
        split(right, mask, Math.max(1, budget - Math.min(budget - 1, share)), out, wide);
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

    /** Why {@code b} is not a digit candidate, or null if it is one. */
    private String reject(Box b, Polarity polarity, IntIndexer ink, DoubleIndexer bg, DoubleIndexer bgSq, int rows,
                          int cols, double minH, double maxH, double widest) {
        if (b.height() < minH) {
            return "too small";
        }
        if (b.height() > maxH) {
            return "too tall";
        }
        double aspect = b.width() / (double) b.height();
        if (aspect < s.minAspect()) {
            return "too narrow";
        }
        if (aspect > widest) {
            return "too wide";
        }
        if (b.x() <= 0 || b.y() <= 0 || b.right() >= cols || b.bottom() >= rows) {
            return "touches the frame edge";
        }
        double density = sum(ink, b) / 255.0 / b.area();
        if (density < s.minDensity()) {
            return String.format("too little ink (%.2f)", density);
        }
        if (density > (aspect < s.barAspect() ? s.maxBarDensity() : s.maxDensity())) {
            return String.format("too much ink (%.2f)", density);
        }
        int margin = Math.max(2, (int) Math.round(s.surroundMargin() * b.height()));
        Box above = new Box(b.x(), Math.max(0, b.y() - margin), b.width(), Math.min(margin, b.y()));
        Box below = new Box(b.x(), b.bottom(), b.width(), Math.min(margin, rows - b.bottom()));
        // A digit by a sheet's top or bottom edge has whatever lies beyond the sheet in one of
        // the strips, so only the cleaner strip counts. Not for a bar: a piece of a stick or a
        // spine that ends on one side is still a piece of something longer.
        double inkAround = aspect < s.barAspect() ? inkShare(ink, above, below)
                : Math.min(inkShare(ink, above), inkShare(ink, below));
        if (inkAround > s.maxSurroundInk()) {
            return String.format("ink above or below (%.2f)", inkAround);
        }
        if (aspect < s.barAspect()) {
            // Book spines, table legs and pens stand side by side with other clutter; a "1" has
            // a gap to the digits beside it. (Painted over as ink, the neighbours would make the
            // background beside a spine look even.)
            int gap = Math.max(2, (int) Math.round(s.barSideGap() * b.height()));
            Box left = new Box(Math.max(0, b.x() - gap), b.y(), b.x() - Math.max(0, b.x() - gap), b.height());
            Box right = new Box(b.right(), b.y(), Math.min(gap, cols - b.right()), b.height());
            double inkBeside = inkShare(ink, left, right);
            if (inkBeside > s.maxSurroundInk()) {
                return String.format("ink beside a bar (%.2f)", inkBeside);
            }
        }
        // Each side on its own, and one side may be uneven: a digit written near the edge of the
        // sheet has the room on that side, while clutter is uneven all round. In a sheet's corner
        // two sides are: such a digit is only doubted (see isDoubtful), but a bar is turned down.
        Box[] sides = sides(b, rows, cols);
        double variation = unevenness(sides, polarity, bg, bgSq, 1);
        if (variation > s.maxSurroundVariation()
                && (aspect < s.barAspect() || unevenness(sides, polarity, bg, bgSq, 2) > s.maxSurroundVariation())) {
            return String.format("uneven surroundings (%.2f)", variation);
        }
        return null;
    }

    /**
     * Whether a region is marked {@link Region#needsNeighbour}: a doubtful bar; light ink that
     * only a dark surface nearby let in ({@link DetectionSettings.Board#reach}): chalk by a
     * board's edge has the rest of its number beside it, a light object amid dark ones does not;
     * or a region with two uneven sides, as in a sheet's corner, which is where clutter beside
     * the sheet stands too.
     */
    private boolean isDoubtful(Box b, Polarity polarity, DoubleIndexer bg, DoubleIndexer bgSq, UByteIndexer surface,
                               int rows, int cols) {
        return polarity == Polarity.LIGHT_ON_DARK
                && surface.get(b.y() + b.height() / 2, b.x() + b.width() / 2) > s.board().maxLevel()
                || isDoubtfulBar(b, polarity, bg, bgSq, rows, cols)
                || unevenness(sides(b, rows, cols), polarity, bg, bgSq, 1) > s.maxSurroundVariation();
    }

    /**
     * Whether a bar that passed {@link #reject} still has surroundings that look like clutter.
     * Such a bar is kept, marked {@link Region#needsNeighbour}: beside other digits the same
     * unevenness is their ink, so the decision waits until the digits of its line are known.
     */
    private boolean isDoubtfulBar(Box b, Polarity polarity, DoubleIndexer bg, DoubleIndexer bgSq, int rows,
                                  int cols) {
        if (b.width() >= s.barAspect() * b.height()) {
            return false;
        }
        Box[] sides = sides(b, rows, cols);
        // No side may be uneven: the edge of a sheet is itself a bar with the room on one side.
        // And each side can be even and still differ from the others: a spine between two books
        // of other colours. Paper is one level all round a "1".
        return unevenness(sides, polarity, bg, bgSq, 0) > s.maxSurroundVariation()
                || sideStep(sides, polarity, bg) > s.maxBarSideStep();
    }

    /** The strips above, below, left and right of {@code b}, each a margin wide. */
    private Box[] sides(Box b, int rows, int cols) {
        int margin = Math.max(2, (int) Math.round(s.surroundMargin() * b.height()));
        Box around = b.grown(margin, margin, cols, rows);
        return new Box[] {
            new Box(around.x(), around.y(), around.width(), b.y() - around.y()),
            new Box(around.x(), b.bottom(), around.width(), around.bottom() - b.bottom()),
            new Box(around.x(), b.y(), b.x() - around.x(), b.height()),
            new Box(b.right(), b.y(), around.right() - b.right(), b.height())};
    }

    /** The surroundings' variation with the {@code forgiven} most uneven sides left out. */
    private static double unevenness(Box[] sides, Polarity polarity, DoubleIndexer bg, DoubleIndexer bgSq,
                                     int forgiven) {
        double[] uneven = new double[sides.length];
        int measured = 0;
        for (Box side : sides) {
            if (side.width() > 0 && side.height() > 0) {
                uneven[measured++] = variation(side, polarity, bg, bgSq);
            }
        }
        java.util.Arrays.sort(uneven, 0, measured);
        return measured == 0 ? 0 : uneven[Math.max(0, measured - 1 - forgiven)];
    }

    /** The share of the pixels in a strip that are ink; 0 when the strip is empty (the frame's edge). */
    private static double inkShare(IntIndexer ink, Box a) {
        return a.area() > 0 ? sum(ink, a) / 255.0 / a.area() : 0;
    }

    /** The share of the pixels in two strips that are ink; 0 when both strips are empty (the frame's edge). */
    private static double inkShare(IntIndexer ink, Box a, Box b) {
        double area = a.area() + b.area();
        return area > 0 ? (sum(ink, a) + sum(ink, b)) / 255.0 / area : 0;
    }

    /** The largest difference between the mean levels of the sides, relative to their mean level as the ink sees it. */
    private static double sideStep(Box[] sides, Polarity polarity, DoubleIndexer bg) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double total = 0;
        double area = 0;
        for (Box side : sides) {
            if (side.width() > 0 && side.height() > 0) {
                double sum = sum(bg, side);
                double mean = sum / side.area();
                min = Math.min(min, mean);
                max = Math.max(max, mean);
                total += sum;
                area += side.area();
            }
        }
        if (area == 0) {
            return 0;
        }
        double mean = total / area;
        double level = polarity == Polarity.DARK_ON_LIGHT ? mean : 255 - mean;
        return level > 0 ? (max - min) / level : Double.POSITIVE_INFINITY;
    }

    /** Grey-level spread of the background in {@code b}, relative to the surface level as the ink sees it. */
    private static double variation(Box b, Polarity polarity, DoubleIndexer bg, DoubleIndexer bgSq) {
        double n = b.area();
        double mean = sum(bg, b) / n;
        double var = Math.max(0, sum(bgSq, b) / n - mean * mean);
        // A dark board is "bright" for chalk.
        double level = polarity == Polarity.DARK_ON_LIGHT ? mean : 255 - mean;
        return level > 0 ? Math.sqrt(var) / level : Double.POSITIVE_INFINITY;
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
     * strokes dark ones: a region mostly inside a larger one of the other polarity is dropped,
     * unless the larger one is far too tall to be its digit ({@link DetectionSettings#maxEnclosing})
     * or only doubted ({@link Region#needsNeighbour}): a board seen as dark ink on a lighter desk,
     * with its corner's two uneven sides, must not take the chalk digits written on it along.
     */
    static List<Region> resolveOverlaps(List<Region> regions, double maxEnclosing) {
        List<Region> kept = new ArrayList<>();
        for (Region r : regions) {
            boolean inside = false;
            for (Region o : regions) {
                if (o != r && o.polarity() != r.polarity() && !o.needsNeighbour() && o.box().area() > r.box().area()
                        && o.box().height() <= maxEnclosing * r.box().height()
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
