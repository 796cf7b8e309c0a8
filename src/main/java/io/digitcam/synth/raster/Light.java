package io.digitcam.synth.raster;

import java.util.Set;
import java.util.SplittableRandom;

/**
 * The scene's light as a per-pixel illuminance applied to reflectance: a coloured source (which
 * the camera's white balance only half corrects), exposure, falloff toward the corners, soft
 * shadows of hands and objects, and specular glare that washes a patch out.
 */
final class Light {
    private Light() {
    }

    /**
     * @param emissive per pixel, how much of it glows by itself (screens ignore the room light)
     * @param chosen   the LIGHT values to draw
     */
    static void apply(Img f, float[] emissive, Set<String> chosen, SplittableRandom rng) {
        int w = f.w, h = f.h;
        float[] gain = {1, 1, 1};
        if (chosen.contains("tungsten")) {
            double k = rng.nextDouble(0.5, 1);
            gain = Sheet.bgr(1 + 0.25 * k, 1, 1 - 0.4 * k);
        } else if (chosen.contains("fluorescent")) {
            double k = rng.nextDouble(0.4, 1);
            gain = Sheet.bgr(1 - 0.06 * k, 1 + 0.06 * k, 1 - 0.1 * k);
        } else if (chosen.contains("daylight")) {
            double k = rng.nextDouble(0, 1);
            gain = Sheet.bgr(1 - 0.06 * k, 1, 1 + 0.08 * k);
        }
        double exposure = rng.nextDouble(0.9, 1.12);
        if (chosen.contains("under")) {
            exposure = rng.nextDouble(0.25, 0.55);
        } else if (chosen.contains("over")) {
            exposure = rng.nextDouble(1.35, 1.9);
        }
        // Illumination varies gently over any real desk: a broad gradient from the lamp.
        double gx = rng.nextDouble(-0.25, 0.25), gy = rng.nextDouble(-0.25, 0.25);
        // Light varies slowly: compute it on a coarse grid and interpolate.
        int ds = 4, lw = w / ds + 1, lh = h / ds + 1;
        float[] coarse = new float[lw * lh];
        double vig = chosen.contains("vignette") ? rng.nextDouble(0.35, 0.7) : rng.nextDouble(0, 0.12);
        double diag = Math.hypot(w / 2.0, h / 2.0);
        for (int yy = 0; yy < lh; yy++) {
            double y = yy * ds, ny = (y - h / 2.0) / h;
            for (int xx = 0; xx < lw; xx++) {
                double x = xx * ds, nx = (x - w / 2.0) / w;
                double ddx = x - w / 2.0, ddy = y - h / 2.0;
                double r = Math.sqrt(ddx * ddx + ddy * ddy) / diag;
                double v = 1 - vig * r * r * (1.2 - 0.2 * r);
                coarse[yy * lw + xx] = (float) (exposure * v * (1 + gx * nx + gy * ny));
            }
        }
        float[] illum = Cv.resize(coarse, lw, lh, 1, w, h, org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR);
        if (chosen.contains("shadow")) {
            shadow(illum, w, h, rng);
        }
        float[] glare = null;
        if (chosen.contains("glare")) {
            glare = glare(w, h, rng);
        }
        float screenLevel = (float) rng.nextDouble(0.85, 1.05);
        float[] p = f.px;
        for (int i = 0, n = w * h; i < n; i++) {
            float e = emissive == null ? 0 : emissive[i];
            float il = illum[i];
            float gl = glare == null ? 0 : glare[i];
            for (int ch = 0; ch < 3; ch++) {
                float lit = p[3 * i + ch] * il * gain[ch];
                float glow = p[3 * i + ch] * screenLevel * (float) Math.sqrt(exposure) * (1 + (gain[ch] - 1) * 0.15f);
                p[3 * i + ch] = lit + e * (glow - lit) + gl * gain[ch];
            }
        }
    }

    /** A hand or object between lamp and sheet: a large soft-edged blob, darker in its core. */
    private static void shadow(float[] illum, int w, int h, SplittableRandom rng) {
        int sw = Math.max(16, w / 8), sh = Math.max(12, h / 8);
        float[] m = new float[sw * sh];
        int blobs = rng.nextInt(1, 4);
        double cx = rng.nextDouble(sw), cy = rng.nextDouble(sh);
        double ang = rng.nextDouble(Math.PI * 2);
        for (int b = 0; b < blobs; b++) {
            double rx = rng.nextDouble(0.15, 0.5) * sw, ry = rng.nextDouble(0.1, 0.35) * sh;
            double bx = cx + Math.cos(ang) * b * rx, by = cy + Math.sin(ang) * b * rx;
            for (int y = 0; y < sh; y++) {
                for (int x = 0; x < sw; x++) {
                    double dx = (x - bx) / rx, dy = (y - by) / ry;
                    if (dx * dx + dy * dy < 1) {
                        m[y * sw + x] = 1;
                    }
                }
            }
        }
        Cv.gaussian(m, sw, sh, 1, rng.nextDouble(1.5, 5));
        float[] full = Cv.resize(m, sw, sh, 1, w, h, org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR);
        float depth = (float) rng.nextDouble(0.2, 0.55);
        for (int i = 0; i < illum.length; i++) {
            illum[i] *= 1 - depth * full[i];
        }
    }

    /** A reflected lamp or window: an elongated bright lobe with a hot core. */
    private static float[] glare(int fw, int fh, SplittableRandom rng) {
        int ds = 4, w = fw / ds + 1, h = fh / ds + 1;
        float[] g = new float[w * h];
        double cx = rng.nextDouble(0.1, 0.9) * w, cy = rng.nextDouble(0.1, 0.9) * h;
        double rx = rng.nextDouble(0.06, 0.3) * w, ry = rx * rng.nextDouble(0.3, 1);
        double a = rng.nextDouble(Math.PI), ca = Math.cos(a), sa = Math.sin(a);
        double peak = rng.nextDouble(0.5, 1.3);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double dx = x - cx, dy = y - cy;
                double u = (dx * ca + dy * sa) / rx, v = (-dx * sa + dy * ca) / ry;
                double r2 = u * u + v * v;
                if (r2 < 9) {
                    g[y * w + x] = (float) (peak * (Math.exp(-r2 * 1.5) * 0.7 + Math.exp(-r2 * 8) * 0.6));
                }
            }
        }
        return Cv.resize(g, w, h, 1, fw, fh, org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR);
    }
}
