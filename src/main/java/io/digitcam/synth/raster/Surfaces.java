package io.digitcam.synth.raster;

import java.util.SplittableRandom;

/** Reflectance textures for each surface, made of noise fields and ruled patterns. */
final class Surfaces {
    private Surfaces() {
    }

    /**
     * @param unit a typical digit height in sheet pixels: ruling and grain scale with it, since
     *             the camera's distance sets both
     */
    static Sheet make(String surface, boolean dark, int w, int h, double unit, SplittableRandom rng) {
        float[] alpha = new float[w * h];
        java.util.Arrays.fill(alpha, 1f);
        float[] tooth = Noise.field(rng, w, h, Math.max(1, unit / 30));
        return switch (surface) {
            case "paper" -> paper(surface, w, h, unit, rng, alpha, tooth, warmWhite(rng), 0.035);
            case "ruled" -> ruled(w, h, unit, rng, alpha, tooth);
            case "squared" -> squared(w, h, unit, rng, alpha, tooth);
            case "sticky" -> sticky(w, h, unit, rng, alpha, tooth);
            case "card" -> card(dark, w, h, unit, rng, alpha, tooth);
            case "whiteboard" -> whiteboard(w, h, unit, rng, alpha, tooth);
            case "chalkboard" -> chalkboard(w, h, unit, rng, alpha, tooth);
            case "cardboard" -> cardboard(w, h, unit, rng, alpha, tooth);
            case "screen" -> screen(dark, w, h, unit, rng, alpha, tooth);
            default -> throw new IllegalArgumentException(surface);
        };
    }

    private static float[] warmWhite(SplittableRandom rng) {
        double base = rng.nextDouble(0.86, 0.97);
        double warm = rng.nextDouble(-0.02, 0.04);
        return Sheet.bgr(base + warm * 0.5, base, base - warm);
    }

    /** Fibre (fine white noise), mottling (low frequency) and the odd crease. */
    private static Sheet paper(String name, int w, int h, double unit, SplittableRandom rng, float[] alpha,
                               float[] tooth, float[] col, double fibre) {
        Img img = Img.filled(w, h, col);
        texture(img, unit, rng, fibre, 0.03);
        if (rng.nextDouble() < 0.35) {
            crease(img, rng);
        }
        return new Sheet(name, img, alpha, tooth, 0, false);
    }

    static void texture(Img img, double unit, SplittableRandom rng, double fibre, double mottle) {
        float[] fine = Noise.field(rng, img.w, img.h, Math.max(1, unit / 25));
        float[] low = Noise.fbm(rng, img.w, img.h, Math.max(8, unit * 4), 3);
        float[] p = img.px;
        for (int i = 0, n = img.w * img.h; i < n; i++) {
            float m = 1 + (float) (fibre * 2 * (fine[i] - 0.5) + mottle * 2 * low[i]);
            p[3 * i] *= m;
            p[3 * i + 1] *= m;
            p[3 * i + 2] *= m;
        }
    }

    /** A fold: the two halves face the light differently, with a thin dark line between. */
    private static void crease(Img img, SplittableRandom rng) {
        double ang = rng.nextDouble(Math.PI);
        double nx = Math.cos(ang), ny = Math.sin(ang);
        double c = rng.nextDouble(0.3, 0.7) * (Math.abs(nx) * img.w + Math.abs(ny) * img.h);
        float step = (float) rng.nextDouble(-0.05, 0.05);
        for (int y = 0; y < img.h; y++) {
            for (int x = 0; x < img.w; x++) {
                double d = x * Math.abs(nx) + y * ny - c;
                float m = d > 0 ? 1 + step : 1 - step * 0.3f;
                double ad = Math.abs(d);
                if (ad < 2) {
                    m *= (float) (0.9 + 0.05 * ad);
                }
                int i = 3 * (y * img.w + x);
                img.px[i] *= m;
                img.px[i + 1] *= m;
                img.px[i + 2] *= m;
            }
        }
    }

    /** Coverage of straight lines of half width {@code hw} every {@code step} px along an axis. */
    static void lines(Img img, boolean horizontal, double start, double step, double hw, float[] col, double strength) {
        int n = horizontal ? img.h : img.w;
        float[] cov = new float[n];
        for (int t = 0; t < n; t++) {
            double r = ((t - start) % step + step) % step;
            double d = Math.min(r, step - r);
            cov[t] = (float) (strength * Math.min(1, Math.max(0, hw + 0.5 - d)));
        }
        if (!horizontal) {
            // a single line when step exceeds the sheet (margins)
        }
        for (int y = 0; y < img.h; y++) {
            for (int x = 0; x < img.w; x++) {
                float a = horizontal ? cov[y] : cov[x];
                if (a > 0) {
                    int i = 3 * (y * img.w + x);
                    for (int ch = 0; ch < 3; ch++) {
                        img.px[i + ch] *= 1 - a + a * col[ch];
                    }
                }
            }
        }
    }

    private static Sheet ruled(int w, int h, double unit, SplittableRandom rng, float[] alpha, float[] tooth) {
        Sheet s = paper("ruled", w, h, unit, rng, alpha, tooth, warmWhite(rng), 0.03);
        double step = unit * rng.nextDouble(1.1, 1.8);
        float[] blue = Sheet.bgr(0.45, 0.62, 0.9);
        lines(s.refl, true, rng.nextDouble(step), step, Math.max(0.3, unit * 0.015), blue, rng.nextDouble(0.35, 0.7));
        if (rng.nextBoolean()) {
            double x = rng.nextDouble(0.05, 0.2) * w;
            lines(s.refl, false, x, w * 4.0, Math.max(0.4, unit * 0.02), Sheet.bgr(0.9, 0.35, 0.4), rng.nextDouble(0.4, 0.7));
        }
        return s;
    }

    private static Sheet squared(int w, int h, double unit, SplittableRandom rng, float[] alpha, float[] tooth) {
        Sheet s = paper("squared", w, h, unit, rng, alpha, tooth, warmWhite(rng), 0.03);
        double step = unit * rng.nextDouble(0.55, 0.9);
        float[] col = rng.nextBoolean() ? Sheet.bgr(0.5, 0.65, 0.85) : Sheet.bgr(0.6, 0.6, 0.62);
        double hw = Math.max(0.25, unit * 0.01), st = rng.nextDouble(0.25, 0.55);
        lines(s.refl, true, rng.nextDouble(step), step, hw, col, st);
        lines(s.refl, false, rng.nextDouble(step), step, hw, col, st);
        return s;
    }

    private static final double[][] STICKY = {
        {0.99, 0.93, 0.45}, {0.99, 0.62, 0.76}, {0.72, 0.95, 0.55}, {0.55, 0.82, 0.98}, {1.0, 0.72, 0.36}
    };

    private static Sheet sticky(int w, int h, double unit, SplittableRandom rng, float[] alpha, float[] tooth) {
        double[] c = STICKY[rng.nextInt(STICKY.length)];
        double v = rng.nextDouble(0.88, 1.0);
        Sheet s = paper("sticky", w, h, unit, rng, alpha, tooth, Sheet.bgr(c[0] * v, c[1] * v, c[2] * v), 0.025);
        // The glued strip lies flat; the rest lifts and catches the light differently.
        double strip = h * rng.nextDouble(0.12, 0.2);
        float lift = (float) rng.nextDouble(-0.08, 0.06);
        for (int y = 0; y < h; y++) {
            float m = y < strip ? 1 : 1 + lift * (float) ((y - strip) / (h - strip));
            for (int x = 0; x < w; x++) {
                int i = 3 * (y * w + x);
                s.refl.px[i] *= m;
                s.refl.px[i + 1] *= m;
                s.refl.px[i + 2] *= m;
            }
        }
        return s;
    }

    private static final double[][] LIGHT_CARD = {
        {0.95, 0.85, 0.6}, {0.7, 0.85, 0.95}, {0.75, 0.92, 0.7}, {0.98, 0.75, 0.7}, {0.85, 0.8, 0.95},
        {0.92, 0.92, 0.9}, {0.98, 0.6, 0.3}, {0.9, 0.9, 0.5}
    };
    private static final double[][] DARK_CARD = {
        {0.06, 0.06, 0.07}, {0.08, 0.1, 0.25}, {0.25, 0.06, 0.08}, {0.06, 0.18, 0.1}, {0.2, 0.2, 0.22}, {0.25, 0.1, 0.3}
    };

    private static Sheet card(boolean dark, int w, int h, double unit, SplittableRandom rng, float[] alpha, float[] tooth) {
        double[] c = dark ? DARK_CARD[rng.nextInt(DARK_CARD.length)] : LIGHT_CARD[rng.nextInt(LIGHT_CARD.length)];
        Img img = Img.filled(w, h, Sheet.bgr(c[0], c[1], c[2]));
        texture(img, unit, rng, 0.03, 0.025);
        return new Sheet("card", img, alpha, tooth, 0, dark);
    }

    /** White, slightly blue, with ghosts of wiped writing and a wiped haze. */
    private static Sheet whiteboard(int w, int h, double unit, SplittableRandom rng, float[] alpha, float[] tooth) {
        double b = rng.nextDouble(0.88, 0.97);
        Img img = Img.filled(w, h, Sheet.bgr(b - 0.01, b, b + 0.02));
        texture(img, unit, rng, 0.006, 0.02);
        int gw = Math.max(8, w / 4), gh = Math.max(8, h / 4);
        float[] ghost = new float[gw * gh];
        int strokes = rng.nextInt(3, 14);
        for (int s = 0; s < strokes; s++) {
            double x = rng.nextDouble(gw), y = rng.nextDouble(gh), a = rng.nextDouble(2 * Math.PI);
            double stepLen = Math.max(0.5, unit / 40);
            int len = rng.nextInt(30, 200);
            for (int t = 0; t < len; t++) {
                a += rng.nextDouble(-0.5, 0.5);
                x += Math.cos(a) * stepLen;
                y += Math.sin(a) * stepLen;
                int ix = (int) x, iy = (int) y;
                if (ix >= 0 && iy >= 0 && ix < gw && iy < gh) {
                    ghost[iy * gw + ix] = 1;
                }
            }
        }
        Cv.gaussian(ghost, gw, gh, 1, Math.max(0.7, unit / 60));
        float[] g = Cv.resize(ghost, gw, gh, 1, w, h, org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR);
        float[] haze = Noise.field(rng, w, h, unit * 3, unit * 0.8);
        float amt = (float) rng.nextDouble(0.04, 0.18);
        float[] tint = rng.nextBoolean() ? Sheet.bgr(0.3, 0.3, 0.35) : Sheet.bgr(0.2, 0.3, 0.7);
        for (int i = 0; i < w * h; i++) {
            float a = Math.min(1, g[i] * 2.5f) * amt + Math.max(0, haze[i] - 0.6f) * amt * 0.3f;
            for (int ch = 0; ch < 3; ch++) {
                img.px[3 * i + ch] *= 1 - a + a * tint[ch];
            }
        }
        return new Sheet("whiteboard", img, alpha, tooth, 0, false);
    }

    private static final double[][] BOARDS = {{0.15, 0.28, 0.21}, {0.2, 0.32, 0.26}, {0.08, 0.09, 0.09}, {0.22, 0.24, 0.25}, {0.12, 0.22, 0.18}};

    /** Matte slate with eraser swipes: wide, soft, whitish bands of old chalk. */
    private static Sheet chalkboard(int w, int h, double unit, SplittableRandom rng, float[] alpha, float[] tooth) {
        double[] c = BOARDS[rng.nextInt(BOARDS.length)];
        Img img = Img.filled(w, h, Sheet.bgr(c[0], c[1], c[2]));
        texture(img, unit, rng, 0.06, 0.05);
        float[] swipe = Noise.field(rng, w, h, unit * rng.nextDouble(2, 5), unit * rng.nextDouble(0.4, 1.0));
        float[] speck = Noise.field(rng, w, h, Math.max(1, unit / 20));
        float amt = (float) rng.nextDouble(0.04, 0.18);
        float[] chalk = Sheet.bgr(0.85, 0.87, 0.85);
        for (int i = 0; i < w * h; i++) {
            float a = Noise.smooth(0.45f, 1.0f, swipe[i]) * amt * (0.7f + 0.6f * speck[i]);
            for (int ch = 0; ch < 3; ch++) {
                img.px[3 * i + ch] += a * (chalk[ch] - img.px[3 * i + ch]);
            }
        }
        return new Sheet("chalkboard", img, alpha, tooth, 0, true);
    }

    private static Sheet cardboard(int w, int h, double unit, SplittableRandom rng, float[] alpha, float[] tooth) {
        double v = rng.nextDouble(0.75, 1.05);
        Img img = Img.filled(w, h, Sheet.bgr(0.62 * v, 0.48 * v, 0.32 * v));
        texture(img, unit, rng, 0.07, 0.06);
        double period = unit * rng.nextDouble(0.2, 0.35);
        boolean vert = rng.nextBoolean();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float m = 1 + 0.025f * (float) Math.sin(2 * Math.PI * (vert ? x : y) / period);
                int i = 3 * (y * w + x);
                img.px[i] *= m;
                img.px[i + 1] *= m;
                img.px[i + 2] *= m;
            }
        }
        return new Sheet("cardboard", img, alpha, tooth, 0, false);
    }

    /**
     * A phone or tablet: black bezel, rounded corners, a lit panel in light or dark mode whose
     * pixel grid shows at close range.
     */
    private static Sheet screen(boolean dark, int w, int h, double unit, SplittableRandom rng, float[] alpha, float[] tooth) {
        double bg = dark ? rng.nextDouble(0.02, 0.12) : rng.nextDouble(0.85, 0.98);
        Img img = Img.filled(w, h, Sheet.bgr(bg, bg, bg * (dark ? 1.1 : 0.99)));
        int bez = (int) (Math.min(w, h) * rng.nextDouble(0.04, 0.08));
        double rad = Math.min(w, h) * rng.nextDouble(0.05, 0.12);
        double period = rng.nextDouble(2.2, 4.5);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                double cx = Math.max(Math.max(rad - x, x - (w - 1 - rad)), 0);
                double cy = Math.max(Math.max(rad - y, y - (h - 1 - rad)), 0);
                double out = Math.hypot(cx, cy) - rad;
                alpha[i] = (float) Math.min(1, Math.max(0, 0.5 - out));
                boolean inBezel = x < bez || y < bez || x >= w - bez || y >= h - bez;
                if (inBezel) {
                    img.px[3 * i] = img.px[3 * i + 1] = img.px[3 * i + 2] = 0.04f;
                } else {
                    float grid = 1 - 0.06f * (float) (0.5 + 0.5 * Math.cos(2 * Math.PI * x / period));
                    img.px[3 * i] *= grid;
                    img.px[3 * i + 1] *= grid;
                    img.px[3 * i + 2] *= grid;
                }
            }
        }
        return new Sheet("screen", img, alpha, tooth, 0.85f, dark);
    }

    /** Inner margin of a surface where nothing is written: the screen bezel, the sticky glue strip. */
    static int margin(Sheet s) {
        return switch (s.surface) {
            case "screen" -> (int) (Math.min(s.w(), s.h()) * 0.1);
            default -> (int) (Math.min(s.w(), s.h()) * 0.04);
        };
    }
}
