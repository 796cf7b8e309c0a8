package io.digitcam.synth.raster;

import java.util.SplittableRandom;

/** Puts the written sheet into the frame: warped by its homography, with a soft contact shadow. */
final class Compose {
    private Compose() {
    }

    /** Returns, per frame pixel, how much of it glows by itself (the sheet's emissive share). */
    static float[] sheet(Img frame, Sheet sheet, Geometry geo, SplittableRandom rng) {
        int w = frame.w, h = frame.h, n = w * h;
        float[] refl = sheet.refl.px;
        // Premultiply so bilinear warping blends the outline with the background, not with black.
        int sn = sheet.w() * sheet.h();
        float[] pre = new float[sn * 4];
        for (int i = 0; i < sn; i++) {
            float a = sheet.alpha[i];
            pre[4 * i] = refl[3 * i] * a;
            pre[4 * i + 1] = refl[3 * i + 1] * a;
            pre[4 * i + 2] = refl[3 * i + 2] * a;
            pre[4 * i + 3] = a;
        }
        float[] warped = Cv.warp(pre, sheet.w(), sheet.h(), 4, geo.hm, w, h);
        float[] alpha = new float[n];
        float[] emissive = new float[n];
        for (int i = 0; i < n; i++) {
            alpha[i] = warped[4 * i + 3];
            emissive[i] = alpha[i] * sheet.emissive;
        }
        if (!geo.fill) {
            // A sheet lying on a desk (or held just above it) throws a soft shadow down and to one side.
            int ds = 4;
            int sw = w / ds + 1, sh = h / ds + 1;
            float[] small = new float[sw * sh];
            double off = h * rng.nextDouble(0.003, 0.02) / ds;
            double ang = rng.nextDouble(Math.PI * 2);
            int ox = (int) Math.round(Math.cos(ang) * off), oy = (int) Math.round(Math.sin(ang) * off);
            for (int y = 0; y < sh; y++) {
                for (int x = 0; x < sw; x++) {
                    int sx = (x - ox) * ds, sy = (y - oy) * ds;
                    if (sx >= 0 && sy >= 0 && sx < w && sy < h) {
                        small[y * sw + x] = alpha[sy * w + sx];
                    }
                }
            }
            Cv.gaussian(small, sw, sh, 1, Math.max(0.7, h * rng.nextDouble(0.003, 0.015) / ds));
            float depth = (float) rng.nextDouble(0.15, 0.45);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    float s = small[(y / ds) * sw + x / ds];
                    if (s > 0.002f) {
                        int i = y * w + x;
                        float m = 1 - depth * s;
                        frame.px[3 * i] *= m;
                        frame.px[3 * i + 1] *= m;
                        frame.px[3 * i + 2] *= m;
                    }
                }
            }
        }
        float[] f = frame.px;
        for (int i = 0; i < n; i++) {
            float a = alpha[i];
            if (a > 0) {
                f[3 * i] = f[3 * i] * (1 - a) + warped[4 * i];
                f[3 * i + 1] = f[3 * i + 1] * (1 - a) + warped[4 * i + 1];
                f[3 * i + 2] = f[3 * i + 2] * (1 - a) + warped[4 * i + 2];
            }
        }
        return emissive;
    }
}
