package io.digitcam.synth.raster;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes numbers on the sheet the way people do: digits of a number close together on a common
 * baseline, numbers on a line well apart, lines one under another; then keeps only what the
 * frame shows well enough to read and the truth's spacing rules allow.
 */
final class Layout {
    private static final String LETTERS = "acefhkmnprtuvwxyACEFHKMNPRUVWXY";
    private static final double[] LENGTH_WEIGHTS = {0.2, 0.25, 0.2, 0.15, 0.1, 0.1};

    private Layout() {
    }

    static List<List<List<Placed>>> place(RasterScenes r, Sheet sheet, Geometry geo, Ink ink, double h0, boolean closeUp,
                                          SplittableRandom rng) {
        double[] region = visibleRegion(sheet, geo, r);
        double h = h0;
        int nNum = closeUp ? 1 : pickCount(rng);
        for (int attempt = 0; attempt < 6; attempt++) {
            if (region == null) {
                return List.of();
            }
            if (attempt >= 3 && nNum > 1) {
                nNum--;
            }
            List<List<Shape>> shapes = new ArrayList<>();
            List<List<Integer>> labels = new ArrayList<>();
            int font = rng.nextInt(Glyphs.fonts());
            double bolden = rng.nextDouble(-0.015, 0.04) * h;
            for (int n = 0; n < nNum; n++) {
                int len = closeUp ? 1 : pickLength(rng);
                List<Shape> s = new ArrayList<>();
                List<Integer> l = new ArrayList<>();
                for (int d = 0; d < len; d++) {
                    for (int t = 0; t < 5; t++) {
                        Shape sh;
                        int label;
                        if (ink.handwritten()) {
                            int idx = rng.nextInt(r.hands().size());
                            label = r.hands().label(idx);
                            double hw = Math.max(0.6, h * ink.widthRatio / 2);
                            sh = r.hands().shape(idx, h * rng.nextDouble(0.9, 1.08), hw, ink.pressure(), rng);
                        } else {
                            label = rng.nextInt(10);
                            sh = Glyphs.shape(font, (char) ('0' + label), h, bolden);
                        }
                        if (!sh.blank() && sh.inkHeight() > h * 0.5) {
                            s.add(sh);
                            l.add(label);
                            break;
                        }
                    }
                }
                if (!s.isEmpty()) {
                    shapes.add(s);
                    labels.add(l);
                }
            }
            // Group numbers into lines: mostly one a line, sometimes two side by side.
            List<List<Integer>> lineOf = new ArrayList<>();
            for (int n = 0; n < shapes.size(); n++) {
                if (n > 0 && rng.nextDouble() < 0.3) {
                    lineOf.get(lineOf.size() - 1).add(n);
                } else {
                    lineOf.add(new ArrayList<>(List.of(n)));
                }
            }
            double[][] gaps = new double[shapes.size()][];
            double[] numW = new double[shapes.size()];
            for (int n = 0; n < shapes.size(); n++) {
                List<Shape> s = shapes.get(n);
                gaps[n] = new double[s.size()];
                double w = 0;
                for (int d = 0; d < s.size(); d++) {
                    gaps[n][d] = d == 0 ? 0 : h * (ink.handwritten() ? rng.nextDouble(0.05, 0.24) : rng.nextDouble(0.07, 0.18));
                    w += gaps[n][d] + s.get(d).inkWidth();
                }
                numW[n] = w;
            }
            double[] lineW = new double[lineOf.size()];
            double[] between = new double[shapes.size()];
            for (int li = 0; li < lineOf.size(); li++) {
                double w = 0;
                for (int j = 0; j < lineOf.get(li).size(); j++) {
                    int n = lineOf.get(li).get(j);
                    between[n] = j == 0 ? 0 : h * rng.nextDouble(1.7, 3.2);
                    w += between[n] + numW[n];
                }
                lineW[li] = w;
            }
            double pitch = h * rng.nextDouble(1.6, 2.6);
            double blockH = h * 1.1 + pitch * (lineOf.size() - 1);
            double maxW = 0;
            for (double w : lineW) {
                maxW = Math.max(maxW, w);
            }
            double rw = region[2] - region[0], rh = region[3] - region[1];
            if (maxW > rw || blockH > rh) {
                h *= 0.8;
                continue;
            }
            double by = region[1] + rng.nextDouble(rh - blockH + 1e-9);
            double bx = region[0] + rng.nextDouble(rw - maxW + 1e-9);
            List<List<List<Placed>>> out = new ArrayList<>();
            for (int li = 0; li < lineOf.size(); li++) {
                double x = bx + rng.nextDouble(maxW - lineW[li] + 1e-9) * (rng.nextBoolean() ? 1 : 0.2);
                double bottom = by + h + li * pitch;
                List<List<Placed>> line = new ArrayList<>();
                for (int n : lineOf.get(li)) {
                    x += between[n];
                    List<Placed> num = new ArrayList<>();
                    for (int d = 0; d < shapes.get(n).size(); d++) {
                        Shape s = shapes.get(n).get(d);
                        x += gaps[n][d];
                        double jitter = ink.handwritten() ? rng.nextDouble(-0.05, 0.05) * h : 0;
                        int ox = (int) Math.round(x) - s.x0();
                        int oy = (int) Math.round(bottom + jitter) - s.y1();
                        Placed p = new Placed(labels.get(n).get(d), s, ox, oy);
                        p.map(geo.hm, fwOf(geo), fhOf(geo));
                        num.add(p);
                        x += s.inkWidth();
                    }
                    line.add(num);
                }
                out.add(line);
            }
            return validate(out);
        }
        return List.of();
    }

    private static int fwOf(Geometry g) {
        return g.frameW;
    }

    private static int fhOf(Geometry g) {
        return g.frameH;
    }

    /** Drops what the truth could not honestly contain, and orders the rest as a reader would. */
    private static List<List<List<Placed>>> validate(List<List<List<Placed>>> lines) {
        List<List<List<Placed>>> kept = new ArrayList<>();
        for (List<List<Placed>> line : lines) {
            List<List<Placed>> nums = new ArrayList<>();
            for (List<Placed> num : line) {
                boolean ok = true;
                int hmax = 0;
                for (Placed p : num) {
                    ok &= p.visible >= 0.9 && p.frameHeight() >= 11 && p.fx1 > p.fx0;
                    hmax = Math.max(hmax, p.frameHeight());
                }
                if (!ok) {
                    continue;
                }
                List<Placed> sorted = new ArrayList<>(num);
                sorted.sort(Comparator.comparingInt(p -> p.fx0));
                for (int i = 1; i < sorted.size(); i++) {
                    int gap = sorted.get(i).fx0 - sorted.get(i - 1).fx1;
                    ok &= gap <= 0.33 * hmax && sorted.get(i).fx0 >= sorted.get(i - 1).fx0;
                }
                if (!ok) {
                    continue;
                }
                // A second number on the line must sit level with the first and stay well apart.
                if (!nums.isEmpty()) {
                    int[] a = union(nums.get(nums.size() - 1)), b = union(sorted);
                    int overlap = Math.min(a[3], b[3]) - Math.max(a[1], b[1]);
                    int hh = Math.max(a[3] - a[1], b[3] - b[1]);
                    if (overlap < 0.5 * Math.min(a[3] - a[1], b[3] - b[1]) || b[0] - a[2] < 1.25 * hh) {
                        continue;
                    }
                }
                nums.add(sorted);
            }
            if (nums.isEmpty()) {
                continue;
            }
            int[] lb = null;
            for (List<Placed> n : nums) {
                int[] u = union(n);
                lb = lb == null ? u : new int[] {Math.min(lb[0], u[0]), Math.min(lb[1], u[1]), Math.max(lb[2], u[2]), Math.max(lb[3], u[3])};
            }
            boolean clash = false;
            for (List<List<Placed>> k : kept) {
                int[] kb = lineBox(k);
                clash |= lb[1] < kb[3] + 1 && lb[3] + 1 > kb[1];
            }
            if (!clash) {
                kept.add(nums);
            }
        }
        kept.sort(Comparator.comparingInt(l -> lineBox(l)[1]));
        return kept;
    }

    private static int[] lineBox(List<List<Placed>> line) {
        int[] lb = null;
        for (List<Placed> n : line) {
            int[] u = union(n);
            lb = lb == null ? u : new int[] {Math.min(lb[0], u[0]), Math.min(lb[1], u[1]), Math.max(lb[2], u[2]), Math.max(lb[3], u[3])};
        }
        return lb;
    }

    private static int[] union(List<Placed> num) {
        int[] u = {Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MIN_VALUE, Integer.MIN_VALUE};
        for (Placed p : num) {
            u[0] = Math.min(u[0], p.fx0);
            u[1] = Math.min(u[1], p.fy0);
            u[2] = Math.max(u[2], p.fx1);
            u[3] = Math.max(u[3], p.fy1);
        }
        return u;
    }

    /** The part of the sheet, in sheet pixels, that the frame shows (a bounding box, checked later). */
    private static double[] visibleRegion(Sheet sheet, Geometry geo, RasterScenes r) {
        double m = Surfaces.margin(sheet);
        double ax = Double.MAX_VALUE, ay = Double.MAX_VALUE, bx = -Double.MAX_VALUE, by = -Double.MAX_VALUE;
        double ix = geo.frameW * 0.04, iy = geo.frameH * 0.04;
        double[][] corners = {{ix, iy}, {geo.frameW - ix, iy}, {geo.frameW - ix, geo.frameH - iy}, {ix, geo.frameH - iy}};
        for (double[] c : corners) {
            double[] s = Cv.apply(geo.inv, c[0], c[1]);
            ax = Math.min(ax, s[0]);
            ay = Math.min(ay, s[1]);
            bx = Math.max(bx, s[0]);
            by = Math.max(by, s[1]);
        }
        double x0 = Math.max(m, ax), y0 = Math.max(m, ay), x1 = Math.min(sheet.w() - m, bx), y1 = Math.min(sheet.h() - m, by);
        return x1 - x0 < 8 || y1 - y0 < 8 ? null : new double[] {x0, y0, x1, y1};
    }

    private static int pickCount(SplittableRandom rng) {
        double x = rng.nextDouble();
        return x < 0.45 ? 1 : x < 0.8 ? 2 : 3;
    }

    private static int pickLength(SplittableRandom rng) {
        double x = rng.nextDouble();
        for (int i = 0; i < LENGTH_WEIGHTS.length; i++) {
            x -= LENGTH_WEIGHTS[i];
            if (x < 0) {
                return i + 1;
            }
        }
        return 6;
    }

    /** Words of letters (none shaped like a digit) in the scene's ink, away from the digits. */
    static int words(Sheet sheet, Geometry geo, Ink ink, double h, List<int[]> avoid, SplittableRandom rng) {
        int count = rng.nextInt(1, 6), drawn = 0;
        int font = rng.nextInt(Glyphs.fonts());
        for (int t = 0; t < count * 5 && drawn < count; t++) {
            double lh = h * rng.nextDouble(0.45, 0.9);
            int len = rng.nextInt(2, 8);
            List<Shape> letters = new ArrayList<>();
            double w = 0;
            for (int i = 0; i < len; i++) {
                Shape s = Glyphs.shape(font, LETTERS.charAt(rng.nextInt(LETTERS.length())), lh, ink.handwritten() ? lh * 0.02 : 0);
                letters.add(s);
                w += s.inkWidth() + lh * 0.12;
            }
            double x0 = rng.nextDouble(0, Math.max(1, sheet.w() - w)), base = rng.nextDouble(lh * 1.3, Math.max(lh * 1.4, sheet.h() - lh * 0.3));
            int[] box = {(int) x0, (int) (base - lh * 1.3), (int) (x0 + w), (int) (base + lh * 0.3)};
            boolean hit = false;
            for (int[] a : avoid) {
                hit |= box[0] < a[2] && box[2] > a[0] && box[1] < a[3] && box[3] > a[1];
            }
            if (hit) {
                continue;
            }
            double x = x0;
            for (Shape s : letters) {
                // Letters sit on the baseline: the glyph canvas bottom is its descent, so align by ink for capitals.
                ink.apply(sheet, s, (int) x - s.x0(), (int) (base - s.y1()), rng);
                x += s.inkWidth() + lh * 0.12;
            }
            avoid.add(box);
            drawn++;
        }
        return drawn;
    }
}
