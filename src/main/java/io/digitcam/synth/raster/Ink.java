package io.digitcam.synth.raster;

import java.util.SplittableRandom;

/**
 * One writing instrument as a physical ink model. Dark inks absorb (the surface reflectance is
 * multiplied by the ink's transmittance where it lies); chalk and paint deposit an opaque layer
 * that replaces the surface colour. Each adds its own texture to the coverage.
 */
final class Ink {
    final String kind;
    final float[] colour;
    /** Stroke width as a fraction of digit height: a pen's line is fixed on paper, so it scales with the digit. */
    final double widthRatio;
    final double strength;
    final boolean deposit;

    private Ink(String kind, float[] colour, double widthRatio, double strength, boolean deposit) {
        this.kind = kind;
        this.colour = colour;
        this.widthRatio = widthRatio;
        this.strength = strength;
        this.deposit = deposit;
    }

    private static final double[][] MARKERS = {
        {0.05, 0.05, 0.06}, {0.05, 0.15, 0.6}, {0.75, 0.05, 0.08}, {0.05, 0.45, 0.15}, {0.4, 0.1, 0.55},
        {0.9, 0.35, 0.05}, {0.0, 0.45, 0.6}, {0.6, 0.2, 0.1}, {0.85, 0.1, 0.45}
    };
    private static final double[][] LIGHT = {
        {0.96, 0.96, 0.94}, {0.98, 0.93, 0.5}, {0.98, 0.7, 0.8}, {0.6, 0.85, 0.98}, {0.7, 0.95, 0.6}, {0.98, 0.75, 0.45}
    };

    static Ink make(String kind, boolean onDark, SplittableRandom rng) {
        double v = rng.nextDouble(0.85, 1.1);
        return switch (kind) {
            case "pencil" -> {
                double g = rng.nextDouble(0.25, 0.5);
                yield new Ink(kind, Sheet.bgr(g, g, g * 1.05), rng.nextDouble(0.035, 0.08), rng.nextDouble(0.35, 0.75), false);
            }
            case "ballpoint-blue" -> new Ink(kind, Sheet.bgr(0.12 * v, 0.2 * v, 0.62 * v), rng.nextDouble(0.025, 0.06), rng.nextDouble(0.7, 0.95), false);
            case "ballpoint-black" -> new Ink(kind, Sheet.bgr(0.1 * v, 0.1 * v, 0.13 * v), rng.nextDouble(0.025, 0.06), rng.nextDouble(0.7, 0.95), false);
            case "ballpoint-red" -> new Ink(kind, Sheet.bgr(0.78 * v, 0.12 * v, 0.15 * v), rng.nextDouble(0.025, 0.06), rng.nextDouble(0.7, 0.95), false);
            case "gel" -> {
                if (onDark) {
                    double[] c = LIGHT[rng.nextInt(LIGHT.length)];
                    yield new Ink(kind, Sheet.bgr(c[0], c[1], c[2]), rng.nextDouble(0.05, 0.09), rng.nextDouble(0.8, 0.95), true);
                }
                double[] c = MARKERS[rng.nextInt(5)];
                yield new Ink(kind, Sheet.bgr(c[0], c[1], c[2]), rng.nextDouble(0.04, 0.08), 0.97, false);
            }
            case "marker" -> {
                if (onDark) {
                    double[] c = LIGHT[rng.nextInt(LIGHT.length)];
                    yield new Ink(kind, Sheet.bgr(c[0], c[1], c[2]), rng.nextDouble(0.08, 0.16), rng.nextDouble(0.85, 0.97), true);
                }
                double[] c = MARKERS[rng.nextInt(MARKERS.length)];
                yield new Ink(kind, Sheet.bgr(c[0], c[1], c[2]), rng.nextDouble(0.09, 0.2), rng.nextDouble(0.85, 0.97), false);
            }
            case "whiteboard-marker" -> {
                double[] c = MARKERS[rng.nextInt(4)];
                yield new Ink(kind, Sheet.bgr(c[0], c[1], c[2]), rng.nextDouble(0.06, 0.12), rng.nextDouble(0.75, 0.95), false);
            }
            case "chalk" -> {
                double[] c = rng.nextDouble() < 0.65 ? LIGHT[0] : LIGHT[rng.nextInt(LIGHT.length)];
                yield new Ink(kind, Sheet.bgr(c[0] * 0.95, c[1] * 0.95, c[2] * 0.95), rng.nextDouble(0.06, 0.13), rng.nextDouble(0.6, 0.9), true);
            }
            case "chalk-marker" -> {
                double[] c = LIGHT[rng.nextInt(LIGHT.length)];
                yield new Ink(kind, Sheet.bgr(c[0], c[1], c[2]), rng.nextDouble(0.07, 0.14), rng.nextDouble(0.85, 0.98), true);
            }
            case "printed" -> {
                if (onDark) {
                    double[] c = LIGHT[rng.nextDouble() < 0.6 ? 0 : rng.nextInt(LIGHT.length)];
                    yield new Ink(kind, Sheet.bgr(c[0], c[1], c[2]), 0, 0.95, true);
                }
                double[] c = rng.nextDouble() < 0.7 ? MARKERS[0] : MARKERS[rng.nextInt(MARKERS.length)];
                yield new Ink(kind, Sheet.bgr(c[0], c[1], c[2]), 0, 0.95, false);
            }
            default -> throw new IllegalArgumentException(kind);
        };
    }

    boolean handwritten() {
        return !kind.equals("printed");
    }

    /** How much pressure changes the width along a stroke. */
    double pressure() {
        return switch (kind) {
            case "pencil", "chalk" -> 0.35;
            case "gel", "printed" -> 0.08;
            case "marker", "whiteboard-marker", "chalk-marker" -> 0.12;
            default -> 0.2;
        };
    }

    /**
     * Lays {@code shape} on the sheet with its canvas corner at {@code (ox, oy)}.
     *
     * @param px    sheet pixels per stroke pixel of softness: anti-aliasing width
     */
    void apply(Sheet sheet, Shape shape, int ox, int oy, SplittableRandom rng) {
        int w = shape.w(), h = shape.h(), sw = sheet.w(), shh = sheet.h();
        float[] sdf = shape.sdf();
        // Texture fields live in the shape's canvas; the surface tooth in the sheet's.
        float[] grain = null, breaks = null, streak = null;
        double hwMax = Math.max(1, shape.inkHeight() * widthRatio / 2);
        switch (kind) {
            case "pencil" -> {
                grain = Noise.field(rng, w, h, 1.2);
                breaks = Noise.field(rng, w, h, Math.max(2, shape.inkHeight() / 6.0));
            }
            case "chalk" -> {
                grain = Noise.field(rng, w, h, Math.max(1, hwMax * 0.5));
                breaks = Noise.field(rng, w, h, Math.max(2, shape.inkHeight() / 5.0));
            }
            case "ballpoint-blue", "ballpoint-black", "ballpoint-red" -> breaks = Noise.field(rng, w, h, Math.max(2, shape.inkHeight() / 10.0));
            case "whiteboard-marker", "marker" -> streak = Noise.field(rng, w, h, Math.max(1, hwMax), Math.max(1, hwMax * 0.3));
            default -> { }
        }
        float[] halo = null;
        if (kind.equals("chalk")) {
            halo = new float[w * h];
            for (int i = 0; i < halo.length; i++) {
                halo[i] = sdf[i] > 0 ? 1 : 0;
            }
            Cv.gaussian(halo, w, h, 1, Math.max(1, hwMax * 1.5));
        }
        float soft = kind.equals("pencil") || kind.equals("chalk") ? 1.4f : 1.0f;
        float skipThr = (float) rng.nextDouble(0.78, 0.95);
        float st = (float) strength;
        float[] col = colour;
        for (int y = 0; y < h; y++) {
            int sy = oy + y;
            if (sy < 0 || sy >= shh) {
                continue;
            }
            for (int x = 0; x < w; x++) {
                int sx = ox + x;
                if (sx < 0 || sx >= sw) {
                    continue;
                }
                int i = y * w + x;
                float d = sdf[i];
                float c = Math.min(1f, Math.max(0f, d / soft + 0.5f));
                if (c <= 0 && (halo == null || halo[i] < 0.02f)) {
                    continue;
                }
                int si = sy * sw + sx;
                float a;
                switch (kind) {
                    case "pencil" -> {
                        float tooth = sheet.tooth[si] * 0.6f + grain[i] * 0.4f;
                        float gap = Noise.smooth(0.15f, 0.35f, breaks[i]);
                        a = c * st * Noise.smooth(0.2f, 0.75f, tooth + 0.15f) * (0.45f + 0.55f * gap);
                    }
                    case "chalk" -> {
                        float dust = Noise.smooth(0.3f, 0.6f, grain[i] * 0.5f + sheet.tooth[si] * 0.5f + 0.1f);
                        float gap = Noise.smooth(0.12f, 0.3f, breaks[i]);
                        a = c * st * dust * (0.35f + 0.65f * gap) + halo[i] * 0.12f * st;
                    }
                    case "ballpoint-blue", "ballpoint-black", "ballpoint-red" -> {
                        float skip = 1 - 0.8f * Noise.smooth(skipThr, skipThr + 0.05f, breaks[i]);
                        a = c * st * skip;
                    }
                    case "marker", "whiteboard-marker" -> {
                        // Ink pools where the felt tip lifts, darkening the stroke's edges.
                        float edge = 1 - Math.min(1f, Math.max(0f, d / (float) (hwMax * 0.6)));
                        a = c * Math.min(1f, st * (0.82f + 0.3f * edge) * (0.9f + 0.2f * streak[i]));
                    }
                    default -> a = c * st;
                }
                if (a <= 0) {
                    continue;
                }
                a = Math.min(1f, a);
                int p = 3 * si;
                for (int ch = 0; ch < 3; ch++) {
                    float r = sheet.refl.px[p + ch];
                    sheet.refl.px[p + ch] = deposit ? r + a * (col[ch] - r) : r * (1 - a + a * col[ch]);
                }
            }
        }
    }
}
