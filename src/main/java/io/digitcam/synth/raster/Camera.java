package io.digitcam.synth.raster;

import java.util.Set;
import java.util.SplittableRandom;

/**
 * What the webcam does to the light reaching it: lens blur (always a little, more when out of
 * focus), motion smear, sensor noise that grows with the signal (shot noise) plus a floor (read
 * noise), tone curve and clipping, and JPEG compression.
 */
final class Camera {
    private static final int LUT = 4096;
    private static final float[] GAUSS = new float[1 << 16];

    static {
        java.util.Random r = new java.util.Random(12345);
        for (int i = 0; i < GAUSS.length; i++) {
            GAUSS[i] = (float) r.nextGaussian();
        }
    }

    private Camera() {
    }

    /** Returns the frame's final 8-bit B,G,R bytes. */
    static byte[] apply(Img f, Set<String> chosen, SplittableRandom rng) {
        double res = f.h / 720.0;
        double sigma = rng.nextDouble(0.4, 0.9) * res;
        if (chosen.contains("defocus")) {
            sigma = rng.nextDouble(1.4, 3.5) * res;
        }
        Cv.gaussian(f.px, f.w, f.h, 3, sigma);
        if (chosen.contains("motion")) {
            motion(f, rng.nextDouble(5, 18) * res, rng.nextDouble(Math.PI), rng);
        }
        double shot = chosen.contains("noise") ? rng.nextDouble(0.025, 0.06) : rng.nextDouble(0.004, 0.012);
        double read = chosen.contains("noise") ? rng.nextDouble(0.01, 0.03) : rng.nextDouble(0.002, 0.006);
        double gamma = rng.nextDouble(0.85, 1.1);
        double chroma = rng.nextDouble(0.3, 0.8);
        float[] lut = new float[LUT + 1];
        float[] amp = new float[LUT + 1];
        for (int i = 0; i <= LUT; i++) {
            lut[i] = (float) Math.pow(i / (double) LUT, gamma);
            amp[i] = (float) (Math.sqrt(i / (double) LUT) * shot + read);
        }
        float[] p = f.px;
        byte[] out = new byte[p.length];
        float fc = (float) chroma;
        // A fixed table of Gaussian draws indexed by a xorshift: per-pixel nextGaussian() costs too much at 720p.
        int state = rng.nextInt() | 1;
        for (int i = 0, n = f.w * f.h; i < n; i++) {
            // Luma noise shared by the channels, chroma noise partly independent, as in a Bayer sensor after demosaicing.
            state ^= state << 13;
            state ^= state >>> 17;
            state ^= state << 5;
            float common = GAUSS[state & (GAUSS.length - 1)] * (1 - fc);
            for (int ch = 0; ch < 3; ch++) {
                float v = Math.min(1, Math.max(0, p[3 * i + ch]));
                float own = GAUSS[(state >>> (8 + 5 * ch)) & (GAUSS.length - 1)] * fc;
                v += (common + own) * amp[(int) (v * LUT)];
                v = Math.min(1, Math.max(0, v));
                int b = (int) (lut[(int) (v * LUT)] * 255f + 0.5f);
                out[3 * i + ch] = (byte) b;
            }
        }
        // Most webcams stream MJPEG; at high quality it changes little, so only some frames pay for it.
        if (chosen.contains("jpeg-low")) {
            return Cv.jpeg(out, f.w, f.h, rng.nextInt(50, 71));
        } else if (rng.nextDouble() < 0.35) {
            return Cv.jpeg(out, f.w, f.h, rng.nextInt(75, 91));
        }
        return out;
    }

    private static void motion(Img f, double len, double ang, SplittableRandom rng) {
        int k = Math.max(3, (int) Math.ceil(len) | 1);
        float[] ker = new float[k * k];
        double c = Math.cos(ang), s = Math.sin(ang);
        int n = 0;
        for (int t = 0; t <= 4 * k; t++) {
            double r = (t / (4.0 * k) - 0.5) * len;
            int x = (int) Math.round(k / 2 + r * c), y = (int) Math.round(k / 2 + r * s);
            if (x >= 0 && y >= 0 && x < k && y < k) {
                ker[y * k + x] += 1;
                n++;
            }
        }
        for (int i = 0; i < ker.length; i++) {
            ker[i] /= n;
        }
        Cv.filter(f.px, f.w, f.h, 3, ker, k, k);
    }
}
