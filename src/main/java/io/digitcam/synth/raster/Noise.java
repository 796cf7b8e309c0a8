package io.digitcam.synth.raster;

import java.util.SplittableRandom;
import org.bytedeco.opencv.global.opencv_imgproc;

/** Smooth random fields: the raw material of every texture (fibre, dust, grain, smudges). */
final class Noise {
    private Noise() {
    }

    /** Value noise in [0,1] with features about {@code cell} pixels wide (cx by cy if stretched). */
    static float[] field(SplittableRandom rng, int w, int h, double cx, double cy) {
        int gw = Math.max(2, (int) Math.ceil(w / Math.max(1, cx)) + 1);
        int gh = Math.max(2, (int) Math.ceil(h / Math.max(1, cy)) + 1);
        float[] g = new float[gw * gh];
        for (int i = 0; i < g.length; i++) {
            g[i] = (float) rng.nextDouble();
        }
        if (gw >= w && gh >= h) {
            return gw == w && gh == h ? g : Cv.resize(g, gw, gh, 1, w, h, opencv_imgproc.INTER_AREA);
        }
        float[] f = Cv.resize(g, gw, gh, 1, w, h, opencv_imgproc.INTER_CUBIC);
        for (int i = 0; i < f.length; i++) {
            f[i] = Math.min(1f, Math.max(0f, f[i]));
        }
        return f;
    }

    static float[] field(SplittableRandom rng, int w, int h, double cell) {
        return field(rng, w, h, cell, cell);
    }

    /** Several octaves, so a texture has both mottling and fine detail; zero-mean, about ±0.5. */
    static float[] fbm(SplittableRandom rng, int w, int h, double cell, int octaves) {
        // Sum the octaves at a resolution the finest one still resolves, then upscale once.
        double finest = cell / Math.pow(2, octaves - 1);
        int ds = (int) Math.max(1, Math.floor(finest / 2));
        int lw = Math.max(2, w / ds), lh = Math.max(2, h / ds);
        float[] sum = new float[lw * lh];
        double amp = 1, total = 0, c = cell / ds;
        for (int o = 0; o < octaves; o++) {
            float[] f = field(rng, lw, lh, Math.max(1, c));
            for (int i = 0; i < sum.length; i++) {
                sum[i] += (float) (amp * (f[i] - 0.5));
            }
            total += amp;
            amp *= 0.5;
            c /= 2;
        }
        float k = (float) (1 / total);
        for (int i = 0; i < sum.length; i++) {
            sum[i] *= k;
        }
        return ds == 1 ? sum : Cv.resize(sum, lw, lh, 1, w, h, org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR);
    }

    /** Per-pixel white noise, ±0.5: paper fibre and sensor grain at the finest scale. */
    static float[] white(SplittableRandom rng, int n) {
        float[] f = new float[n];
        for (int i = 0; i < n; i++) {
            f[i] = (float) rng.nextDouble() - 0.5f;
        }
        return f;
    }

    static float smooth(float e0, float e1, float x) {
        float t = Math.min(1f, Math.max(0f, (x - e0) / (e1 - e0)));
        return t * t * (3 - 2 * t);
    }
}
