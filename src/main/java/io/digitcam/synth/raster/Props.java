package io.digitcam.synth.raster;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Things on the desk and over the sheet, painted as shaded masks with soft contact shadows:
 * pens, pencils, rulers (ticks, no numbers), sticks, erasers, coins, a mug, a keyboard corner
 * (letter keys only), book spines with letter titles, skin-coloured faces and hands.
 */
final class Props {
    private Props() {
    }

    /** A rectangular patch of paint: per pixel alpha and B,G,R. */
    private static final class Patch {
        final int x0, y0, w, h;
        final float[] a, c;

        Patch(int x0, int y0, int w, int h) {
            // Only the part inside the frame is ever seen: clip, since hands and arms are large.
            int[] b = FRAME.get();
            int cx0 = Math.max(x0, -8), cy0 = Math.max(y0, -8);
            int cx1 = Math.min(x0 + w, b[0] + 8), cy1 = Math.min(y0 + h, b[1] + 8);
            this.x0 = cx0;
            this.y0 = cy0;
            this.w = Math.max(1, cx1 - cx0);
            this.h = Math.max(1, cy1 - cy0);
            a = new float[this.w * this.h];
            c = new float[this.w * this.h * 3];
        }

        void put(int x, int y, float alpha, float b, float g, float r) {
            int i = y * w + x;
            if (alpha > a[i]) {
                a[i] = alpha;
                c[3 * i] = b;
                c[3 * i + 1] = g;
                c[3 * i + 2] = r;
            }
        }
    }

    /** The frame size, for clipping patches; set by each public entry point. */
    private static final ThreadLocal<int[]> FRAME = ThreadLocal.withInitial(() -> new int[] {1 << 14, 1 << 14});

    static final double[][] SKIN = {{0.95, 0.78, 0.68}, {0.87, 0.66, 0.52}, {0.76, 0.55, 0.4}, {0.58, 0.4, 0.28}, {0.4, 0.27, 0.18}, {0.3, 0.2, 0.14}};

    /** Does the patch box meet any box to keep clear (x, y, right, bottom)? */
    private static boolean hits(double x0, double y0, double x1, double y1, List<int[]> avoid) {
        for (int[] b : avoid) {
            if (x0 < b[2] && x1 > b[0] && y0 < b[3] && y1 > b[1]) {
                return true;
            }
        }
        return false;
    }

    /** Paints {@code count} random objects away from {@code avoid}; returns how many it placed. */
    static int scatter(Img f, int count, List<int[]> avoid, boolean allowBig, SplittableRandom rng) {
        FRAME.set(new int[] {f.w, f.h});
        int placed = 0;
        for (int t = 0; t < count * 6 && placed < count; t++) {
            int kind = rng.nextInt(allowBig ? 9 : 6);
            double scale = f.h * rng.nextDouble(0.6, 1.4);
            double cx = rng.nextDouble(-0.05, 1.05) * f.w, cy = rng.nextDouble(-0.05, 1.05) * f.h;
            double ang = rng.nextDouble(Math.PI * 2);
            Patch p = switch (kind) {
                case 0, 1 -> rod(cx, cy, ang, scale * rng.nextDouble(0.2, 0.4), scale * rng.nextDouble(0.009, 0.016), kind == 1, rng);
                case 2 -> ruler(cx, cy, ang, scale * rng.nextDouble(0.3, 0.6), scale * rng.nextDouble(0.04, 0.06), rng);
                case 3 -> block(cx, cy, ang, scale * rng.nextDouble(0.05, 0.09), scale * rng.nextDouble(0.025, 0.04), rng);
                case 4 -> coin(cx, cy, scale * rng.nextDouble(0.02, 0.035), rng);
                case 5 -> rod(cx, cy, ang, scale * rng.nextDouble(0.15, 0.45), scale * rng.nextDouble(0.004, 0.009), false, rng);
                case 6 -> keyboard(f.w, f.h, cx, cy, scale * rng.nextDouble(0.04, 0.07), rng);
                case 7 -> books(cx, cy, scale * rng.nextDouble(0.3, 0.6), rng);
                default -> face(cx, cy, scale * rng.nextDouble(0.12, 0.3), rng);
            };
            if (p == null || hits(p.x0, p.y0, p.x0 + p.w, p.y0 + p.h, avoid)) {
                continue;
            }
            stamp(f, p, f.h * 0.008, f.h * 0.006, 0.35);
            placed++;
        }
        return placed;
    }

    /** A pen (body plus cap), a pencil (hexagonal body, wood cone, graphite tip) or a stick. */
    private static Patch rod(double cx, double cy, double ang, double len, double rad, boolean pencil, SplittableRandom rng) {
        double[] body = pencil ? (rng.nextBoolean() ? new double[] {0.95, 0.75, 0.1} : new double[] {0.2, 0.35, 0.2})
                : new double[] {rng.nextDouble(0.05, 0.9), rng.nextDouble(0.05, 0.9), rng.nextDouble(0.05, 0.9)};
        double[] cap = {rng.nextDouble(0.05, 0.9), rng.nextDouble(0.05, 0.9), rng.nextDouble(0.05, 0.9)};
        double ca = Math.cos(ang), sa = Math.sin(ang);
        int ext = (int) (Math.abs(ca) * len / 2 + Math.abs(sa) * len / 2 + rad + 2);
        Patch p = new Patch((int) cx - ext, (int) cy - ext, 2 * ext, 2 * ext);
        double capLen = len * rng.nextDouble(0.15, 0.3);
        for (int y = 0; y < p.h; y++) {
            for (int x = 0; x < p.w; x++) {
                double dx = p.x0 + x - cx, dy = p.y0 + y - cy;
                double u = dx * ca + dy * sa + len / 2, v = -dx * sa + dy * ca;
                double r = rad;
                double[] col = body;
                if (pencil && u > len * 0.88) {
                    // The sharpened cone narrows toward the graphite point.
                    r = rad * (len - u) / (len * 0.12);
                    col = u > len * 0.96 ? new double[] {0.2, 0.2, 0.22} : new double[] {0.9, 0.75, 0.55};
                } else if (!pencil && u < capLen) {
                    col = cap;
                }
                if (u < 0 || u > len || Math.abs(v) > r + 0.5 || r <= 0) {
                    continue;
                }
                double t = v / Math.max(0.5, r);
                double shade = pencil ? 0.75 + 0.25 * (1 - Math.abs(Math.round(t * 1.5) / 1.5)) : 0.55 + 0.45 * Math.sqrt(Math.max(0, 1 - t * t));
                double spec = Math.exp(-Math.pow((t + 0.4) * 5, 2)) * 0.35;
                float a = (float) Math.min(1, r + 0.5 - Math.abs(v));
                p.put(x, y, a, (float) (col[2] * shade + spec), (float) (col[1] * shade + spec), (float) (col[0] * shade + spec));
            }
        }
        return p;
    }

    /** A ruler: clear plastic, wood or steel, with tick marks but no printed numbers. */
    private static Patch ruler(double cx, double cy, double ang, double len, double wid, SplittableRandom rng) {
        int type = rng.nextInt(3);
        double[] col = type == 0 ? new double[] {0.85, 0.9, 0.92} : type == 1 ? new double[] {0.85, 0.7, 0.45} : new double[] {0.7, 0.72, 0.75};
        float alpha = type == 0 ? 0.35f : 1f;
        double ca = Math.cos(ang), sa = Math.sin(ang);
        int ext = (int) (len / 2 + wid + 2);
        Patch p = new Patch((int) cx - ext, (int) cy - ext, 2 * ext, 2 * ext);
        double tick = len / rng.nextInt(30, 60);
        for (int y = 0; y < p.h; y++) {
            for (int x = 0; x < p.w; x++) {
                double dx = p.x0 + x - cx, dy = p.y0 + y - cy;
                double u = dx * ca + dy * sa + len / 2, v = -dx * sa + dy * ca + wid / 2;
                if (u < 0 || u > len || v < 0 || v > wid) {
                    continue;
                }
                double[] c = col;
                double tu = u % tick;
                int idx = (int) (u / tick);
                double tl = idx % 10 == 0 ? 0.4 : idx % 5 == 0 ? 0.28 : 0.16;
                float a = alpha;
                if (tu < Math.max(0.8, tick * 0.12) && v < wid * tl) {
                    c = new double[] {0.1, 0.1, 0.1};
                    a = 1;
                }
                p.put(x, y, a, (float) c[2], (float) c[1], (float) c[0]);
            }
        }
        return p;
    }

    /** An eraser or a phone-sized box, rounded edges shaded darker. */
    private static Patch block(double cx, double cy, double ang, double len, double wid, SplittableRandom rng) {
        double[] col = rng.nextBoolean() ? new double[] {0.95, 0.6, 0.65} : new double[] {rng.nextDouble(0.1, 0.95), rng.nextDouble(0.1, 0.95), rng.nextDouble(0.1, 0.95)};
        double ca = Math.cos(ang), sa = Math.sin(ang);
        int ext = (int) (len / 2 + wid + 2);
        Patch p = new Patch((int) cx - ext, (int) cy - ext, 2 * ext, 2 * ext);
        for (int y = 0; y < p.h; y++) {
            for (int x = 0; x < p.w; x++) {
                double dx = p.x0 + x - cx, dy = p.y0 + y - cy;
                double u = Math.abs(dx * ca + dy * sa), v = Math.abs(-dx * sa + dy * ca);
                if (u > len / 2 || v > wid / 2) {
                    continue;
                }
                double edge = Math.min(len / 2 - u, wid / 2 - v) / (wid * 0.2);
                double s = 0.7 + 0.3 * Math.min(1, edge);
                p.put(x, y, 1, (float) (col[2] * s), (float) (col[1] * s), (float) (col[0] * s));
            }
        }
        return p;
    }

    private static Patch coin(double cx, double cy, double r, SplittableRandom rng) {
        double[] col = rng.nextBoolean() ? new double[] {0.75, 0.6, 0.3} : new double[] {0.72, 0.72, 0.7};
        Patch p = new Patch((int) (cx - r - 2), (int) (cy - r - 2), (int) (2 * r + 4), (int) (2 * r + 4));
        for (int y = 0; y < p.h; y++) {
            for (int x = 0; x < p.w; x++) {
                double dx = p.x0 + x - cx, dy = p.y0 + y - cy, d = Math.sqrt(dx * dx + dy * dy);
                if (d > r + 0.5) {
                    continue;
                }
                double s = 0.75 + 0.35 * (-dx - dy) / (2 * r) + (d > r * 0.85 ? 0.1 : 0);
                p.put(x, y, (float) Math.min(1, r + 0.5 - d), (float) (col[2] * s), (float) (col[1] * s), (float) (col[0] * s));
            }
        }
        return p;
    }

    private static final String KEYS = "WERTYUPAFHKXCVNM";

    /** Letter keys only: a digit row would be digits outside the truth. */
    private static Patch keyboard(int fw, int fh, double cx, double cy, double key, SplittableRandom rng) {
        int cols = rng.nextInt(5, 12), rows = rng.nextInt(2, 4);
        double pitch = key * 1.2;
        boolean light = rng.nextDouble() < 0.3;
        Patch p = new Patch((int) cx, (int) cy, (int) (cols * pitch + pitch * 0.5 + 4), (int) (rows * pitch + 4));
        float base = light ? 0.75f : 0.08f, cap = light ? 0.92f : 0.16f, leg = light ? 0.15f : 0.85f;
        for (int y = 0; y < p.h; y++) {
            for (int x = 0; x < p.w; x++) {
                p.put(x, y, 1, base, base, base);
            }
        }
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                int kx = (int) (c * pitch + r * pitch * 0.3 + 2), ky = (int) (r * pitch + 2);
                Shape g = Glyphs.shape(rng.nextInt(Glyphs.fonts()), KEYS.charAt(rng.nextInt(KEYS.length())), key * 0.3, 0);
                for (int y = 0; y < (int) key && ky + y < p.h; y++) {
                    for (int x = 0; x < (int) key && kx + x < p.w; x++) {
                        double edge = Math.min(Math.min(x, y), Math.min(key - x, key - y)) / (key * 0.12);
                        float s = (float) (0.8 + 0.2 * Math.min(1, edge));
                        float v = cap * s;
                        int gx = x - (int) (key * 0.15), gy = y - (int) (key * 0.12);
                        if (gx >= 0 && gy >= 0 && gx < g.w() && gy < g.h()) {
                            float cov = Math.min(1, Math.max(0, g.sdf()[gy * g.w() + gx] + 0.5f));
                            v += cov * (leg - v);
                        }
                        int i = (ky + y) * p.w + kx + x;
                        p.a[i] = 1;
                        p.c[3 * i] = p.c[3 * i + 1] = p.c[3 * i + 2] = v;
                    }
                }
            }
        }
        return p;
    }

    private static final String TITLE = "acefhkmnprtuvwxyACEFHKMNPRUVWXY";

    /** A stack of books seen from the side: coloured spines with letter titles. */
    private static Patch books(double cx, double cy, double len, SplittableRandom rng) {
        int n = rng.nextInt(2, 5);
        double[] th = new double[n];
        double total = 0;
        for (int i = 0; i < n; i++) {
            th[i] = len * rng.nextDouble(0.08, 0.16);
            total += th[i];
        }
        Patch p = new Patch((int) cx, (int) cy, (int) len, (int) total + 2);
        double y0 = 0;
        for (int b = 0; b < n; b++) {
            float[] col = Sheet.bgr(rng.nextDouble(0.05, 0.9), rng.nextDouble(0.05, 0.9), rng.nextDouble(0.05, 0.9));
            float lum = (col[0] + col[1] + col[2]) / 3;
            float leg = lum > 0.5f ? 0.08f : 0.92f;
            int bl = (int) (len * rng.nextDouble(0.8, 1));
            int font = rng.nextInt(Glyphs.fonts());
            int gx = (int) (bl * rng.nextDouble(0.1, 0.3));
            int words = rng.nextInt(3, 9);
            for (int k = 0; k < words; k++) {
                Shape g = Glyphs.shape(font, TITLE.charAt(rng.nextInt(TITLE.length())), th[b] * 0.45, 0);
                int gy = (int) (y0 + (th[b] - g.h()) / 2);
                paintShape(p, g, gx - g.x0(), gy, leg);
                gx += g.inkWidth() + (int) (th[b] * 0.08) + 1;
            }
            for (int y = (int) y0; y < (int) (y0 + th[b]) && y < p.h; y++) {
                double t = (y - y0) / th[b];
                float s = (float) (0.7 + 0.3 * Math.sin(t * Math.PI));
                for (int x = 0; x < bl && x < p.w; x++) {
                    int i = y * p.w + x;
                    if (p.a[i] == 0) {
                        p.put(x, y, 1, col[0] * s, col[1] * s, col[2] * s);
                    }
                }
            }
            y0 += th[b];
        }
        return p;
    }

    private static void paintShape(Patch p, Shape g, int ox, int oy, float v) {
        for (int y = 0; y < g.h(); y++) {
            for (int x = 0; x < g.w(); x++) {
                int px = ox + x, py = oy + y;
                float cov = g.sdf()[y * g.w() + x] + 0.5f;
                if (cov > 0.5f && px >= 0 && py >= 0 && px < p.w && py < p.h) {
                    p.put(px, py, 1, v, v, v);
                }
            }
        }
    }

    /** A face seen in the background: a skin-coloured oval with hair and soft shading. */
    private static Patch face(double cx, double cy, double r, SplittableRandom rng) {
        double[] skin = SKIN[rng.nextInt(SKIN.length)];
        double hair = rng.nextDouble(0.03, 0.4);
        Patch p = new Patch((int) (cx - r), (int) (cy - r * 1.4), (int) (2 * r), (int) (2.8 * r));
        for (int y = 0; y < p.h; y++) {
            for (int x = 0; x < p.w; x++) {
                double u = (p.x0 + x - cx) / (r * 0.8), v = (p.y0 + y - cy) / (r * 1.1);
                double d = u * u + v * v;
                if (d > 1) {
                    continue;
                }
                double s = 0.65 + 0.35 * Math.sqrt(1 - d) - 0.1 * u;
                double[] c = v < -0.55 + 0.1 * Math.sin(u * 3) ? new double[] {hair, hair * 0.8, hair * 0.6} : skin;
                p.put(x, y, 1, (float) (c[2] * s), (float) (c[1] * s), (float) (c[0] * s));
            }
        }
        return p;
    }

    /**
     * A hand reaching in from the frame edge nearest {@code (tx, ty)}: palm and four fingers whose
     * tips rest near that point. Returns the painted box, or null if it would cover {@code avoid}.
     */
    static int[] hand(Img f, double tx, double ty, double size, List<int[]> avoid, SplittableRandom rng) {
        FRAME.set(new int[] {f.w, f.h});
        double[] skin = SKIN[rng.nextInt(SKIN.length)];
        // Direction from the nearest edge toward the target.
        double[] dists = {tx, f.w - tx, ty, f.h - ty};
        int edge = 0;
        for (int i = 1; i < 4; i++) {
            if (dists[i] < dists[edge]) {
                edge = i;
            }
        }
        double ang = switch (edge) {
            case 0 -> 0;
            case 1 -> Math.PI;
            case 2 -> Math.PI / 2;
            default -> -Math.PI / 2;
        } + rng.nextDouble(-0.5, 0.5);
        double ca = Math.cos(ang), sa = Math.sin(ang);
        double fingerLen = size * 0.45, fr = size * 0.055;
        double palmR = size * 0.28;
        double pcx = tx - ca * (fingerLen + palmR * 0.8), pcy = ty - sa * (fingerLen + palmR * 0.8);
        int ext = (int) (size * 1.6);
        Patch p = new Patch((int) (pcx - ext), (int) (pcy - ext), 2 * ext, 2 * ext);
        double[] fingerOff = {-1.5, -0.5, 0.5, 1.5};
        double[] fingerLenK = {0.8, 1.0, 0.95, 0.75};
        for (int y = 0; y < p.h; y++) {
            for (int x = 0; x < p.w; x++) {
                double dx = p.x0 + x - pcx, dy = p.y0 + y - pcy;
                double u = dx * ca + dy * sa, v = -dx * sa + dy * ca;
                double best = -1;
                // Palm and wrist: an ellipse, then an arm reaching back out of the frame.
                double pe = (u / palmR) * (u / palmR) + (v / (palmR * 1.15)) * (v / (palmR * 1.15));
                if (pe < 1) {
                    best = Math.sqrt(1 - pe);
                }
                if (u < 0 && Math.abs(v) < palmR * 0.9) {
                    best = Math.max(best, 0.2 + 0.8 * Math.sqrt(Math.max(0, 1 - Math.pow(v / (palmR * 0.9), 2))));
                }
                for (int k = 0; k < 4; k++) {
                    double fv = v - fingerOff[k] * fr * 2.2;
                    double fu = u - palmR * 0.6;
                    double fl = fingerLen * fingerLenK[k];
                    double cu = Math.max(0, Math.min(fl, fu));
                    double d = Math.sqrt((fu - cu) * (fu - cu) + fv * fv);
                    if (d < fr) {
                        best = Math.max(best, Math.sqrt(1 - (d / fr) * (d / fr)));
                    }
                }
                if (best >= 0) {
                    double s = 0.62 + 0.38 * best;
                    p.put(x, y, 1, (float) (skin[2] * s), (float) (skin[1] * s), (float) (skin[0] * s));
                }
            }
        }
        int[] box = bounds(p);
        if (box == null || hits(box[0], box[1], box[2], box[3], avoid)) {
            return null;
        }
        stamp(f, p, f.h * 0.015, f.h * 0.012, 0.45);
        return box;
    }

    private static int[] bounds(Patch p) {
        int ax = Integer.MAX_VALUE, ay = Integer.MAX_VALUE, bx = Integer.MIN_VALUE, by = Integer.MIN_VALUE;
        for (int y = 0; y < p.h; y++) {
            for (int x = 0; x < p.w; x++) {
                if (p.a[y * p.w + x] > 0) {
                    ax = Math.min(ax, x);
                    bx = Math.max(bx, x);
                    ay = Math.min(ay, y);
                    by = Math.max(by, y);
                }
            }
        }
        return ax > bx ? null : new int[] {p.x0 + ax, p.y0 + ay, p.x0 + bx + 1, p.y0 + by + 1};
    }

    /** Soft contact shadow first (offset, blurred footprint), then the paint itself. */
    private static void stamp(Img f, Patch p, double offset, double blur, double depth) {
        int pad = (int) (offset + 3 * blur + 2);
        int sw = p.w + 2 * pad, sh = p.h + 2 * pad;
        float[] sh0 = new float[sw * sh];
        int off = (int) offset;
        for (int y = 0; y < p.h; y++) {
            for (int x = 0; x < p.w; x++) {
                sh0[(y + pad + off) * sw + x + pad + off] = p.a[y * p.w + x];
            }
        }
        Cv.gaussian(sh0, sw, sh, 1, Math.max(0.5, blur));
        for (int y = 0; y < sh; y++) {
            int fy = p.y0 - pad + y;
            if (fy < 0 || fy >= f.h) {
                continue;
            }
            for (int x = 0; x < sw; x++) {
                int fx = p.x0 - pad + x;
                if (fx < 0 || fx >= f.w) {
                    continue;
                }
                float m = 1 - (float) depth * sh0[y * sw + x];
                int i = 3 * (fy * f.w + fx);
                f.px[i] *= m;
                f.px[i + 1] *= m;
                f.px[i + 2] *= m;
            }
        }
        for (int y = 0; y < p.h; y++) {
            int fy = p.y0 + y;
            if (fy < 0 || fy >= f.h) {
                continue;
            }
            for (int x = 0; x < p.w; x++) {
                int fx = p.x0 + x;
                float a = p.a[y * p.w + x];
                if (fx < 0 || fx >= f.w || a <= 0) {
                    continue;
                }
                int i = 3 * (fy * f.w + fx), j = 3 * (y * p.w + x);
                for (int c = 0; c < 3; c++) {
                    f.px[i + c] += a * (p.c[j + c] - f.px[i + c]);
                }
            }
        }
    }
}
