package io.digitcam.verify;


import io.digitcam.propose.Candidate;
import io.digitcam.propose.InkMap;
import io.digitcam.propose.Proposals;
import io.digitcam.vision.Box;
import java.util.List;

/**
 * What the verifier sees of a candidate: two square windows of its level's ink map, centred on
 * it — the candidate itself with a small margin, and its surroundings three times as wide — each
 * at {@link #SIDE}×{@link #SIDE}. The first shows the shape, the second whether it stands on a
 * clear sheet beside other digits, or is a fragment of something larger, a piece of clutter or
 * a sheet's edge. Squares keep the candidate's aspect ratio, which a "1" and a bar differ by.
 *
 * <p>Each window pixel is the mean of the map under it, read from the map's integral image: a
 * frame has a hundred or more candidates, and a resize per window cost more than the network.
 */
public final class VerifierInput {
    public static final int SIDE = 24;
    public static final int CHANNELS = 2;
    /** Window sides as multiples of the candidate's longer side. */
    static final double[] WINDOWS = {1.25, 3.0};
    /** A window whose ink peaks below this is noise, and is not stretched up to look like ink. */
    private static final float MIN_PEAK = 0.15f;

    private VerifierInput() {
    }

    /** The candidates' windows, [n][CHANNELS][SIDE][SIDE], ink 0..1. */
    public static float[] of(Proposals proposals, List<Candidate> candidates) {
        int plane = SIDE * SIDE;
        float[] out = new float[candidates.size() * CHANNELS * plane];
        for (int i = 0; i < candidates.size(); i++) {
            Candidate c = candidates.get(i);
            InkMap map = proposals.map(c.level(), c.polarity());
            for (int w = 0; w < CHANNELS; w++) {
                sample(map, c.levelBox(), WINDOWS[w], out, (i * CHANNELS + w) * plane);
            }
            stretch(out, i * CHANNELS * plane, CHANNELS * plane, plane);
        }
        return out;
    }

    /**
     * Scales both windows so the candidate's strongest ink reads 1: faint pencil and bold marker
     * then look alike, and the network judges shapes and surroundings, not how dark the pen was.
     * The surroundings keep their contrast relative to the candidate's.
     */
    private static void stretch(float[] x, int from, int count, int firstWindow) {
        float max = 0;
        for (int i = from; i < from + firstWindow; i++) {
            max = Math.max(max, x[i]);
        }
        float gain = 1f / Math.max(max, MIN_PEAK);
        for (int i = from; i < from + count; i++) {
            x[i] = Math.min(1f, x[i] * gain);
        }
    }

    /** The square of side {@code factor} × the box's longer side round its centre, as SIDE×SIDE means. */
    private static void sample(InkMap map, Box box, double factor, float[] out, int offset) {
        double side = factor * Math.max(box.width(), box.height());
        double x0 = box.x() + box.width() / 2.0 - side / 2;
        double y0 = box.y() + box.height() / 2.0 - side / 2;
        double step = side / SIDE;
        int[] xs = new int[SIDE + 1];
        int[] ys = new int[SIDE + 1];
        for (int i = 0; i <= SIDE; i++) {
            xs[i] = (int) Math.floor(x0 + i * step);
            ys[i] = (int) Math.floor(y0 + i * step);
        }
        long[] sums = new long[SIDE * SIDE];
        map.gridSums(xs, ys, SIDE, sums);
        for (int v = 0; v < SIDE; v++) {
            int ya = ys[v];
            int yb = Math.max(ys[v + 1], ya + 1);
            for (int u = 0; u < SIDE; u++) {
                int xa = xs[u];
                int xb = Math.max(xs[u + 1], xa + 1);
                out[offset + v * SIDE + u] = sums[v * SIDE + u] / (255f * (xb - xa) * (yb - ya));
            }
        }
    }
}
