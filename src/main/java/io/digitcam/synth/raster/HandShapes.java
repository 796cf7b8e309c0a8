package io.digitcam.synth.raster;

import io.digitcam.data.DigitSet;
import java.util.SplittableRandom;
import org.bytedeco.opencv.global.opencv_imgproc;

/**
 * Turns a 28×28 MNIST digit into a pen stroke of any width: warp it (affine plus a smooth elastic
 * field), threshold, thin it to its centre line, and take the distance to that line. MNIST's own
 * stroke is about a tenth of the digit height, far wider than a ballpoint at webcam scale, so the
 * width must come from the instrument, not from the scan.
 */
final class HandShapes {
    private final DigitSet set;

    HandShapes(DigitSet set) {
        this.set = set;
    }

    /**
     * @param inkHeight wanted ink height in target pixels
     * @param halfWidth stroke half width in target pixels (varied along the stroke by pressure)
     */
    Shape shape(int index, double inkHeight, double halfWidth, double pressure, SplittableRandom rng) {
        byte[] all = set.pixels();
        int off = index * 784;
        float[] src = new float[784];
        int top = 28, bottom = -1;
        for (int i = 0; i < 784; i++) {
            src[i] = (all[off + i] & 0xff) / 255f;
            if (src[i] > 0.3f) {
                top = Math.min(top, i / 28);
                bottom = Math.max(bottom, i / 28);
            }
        }
        double mnistH = Math.max(8, bottom - top + 1);
        // Work at a resolution fine enough for thinning to find a clean centre line.
        int ws = 96;
        double k = ws / 28.0;
        double rot = rng.nextDouble(-0.14, 0.14);
        double shear = rng.nextDouble(-0.35, 0.25);
        double sx = rng.nextDouble(0.8, 1.2);
        double cos = Math.cos(rot), sin = Math.sin(rot);
        int gn = 5;
        double amp = rng.nextDouble(0.3, 1.3);
        double[] dx = new double[gn * gn], dy = new double[gn * gn];
        for (int i = 0; i < dx.length; i++) {
            dx[i] = rng.nextDouble(-amp, amp);
            dy[i] = rng.nextDouble(-amp, amp);
        }
        byte[] bin = new byte[ws * ws];
        for (int v = 0; v < ws; v++) {
            for (int u = 0; u < ws; u++) {
                double px = u / k - 14, py = v / k - 14;
                // Inverse of scale·shear·rotation about the centre.
                double rx = cos * px + sin * py, ry = -sin * px + cos * py;
                rx = (rx - shear * ry) / sx;
                double gx = (u / (double) ws) * (gn - 1), gy = (v / (double) ws) * (gn - 1);
                int ix = Math.min(gn - 2, (int) gx), iy = Math.min(gn - 2, (int) gy);
                double fx = gx - ix, fy = gy - iy;
                double ex = bil(dx, gn, ix, iy, fx, fy), ey = bil(dy, gn, ix, iy, fx, fy);
                float val = sample(src, rx + 14 + ex, ry + 14 + ey);
                bin[v * ws + u] = (byte) (val > 0.42f ? 1 : 0);
            }
        }
        Thinning.thin(bin, ws, ws);
        byte[] notSkel = new byte[ws * ws];
        boolean any = false;
        for (int i = 0; i < bin.length; i++) {
            notSkel[i] = (byte) (bin[i] == 1 ? 0 : 1);
            any |= bin[i] == 1;
        }
        if (!any) {
            notSkel[ws * ws / 2 + ws / 2] = 0;
        }
        float[] dist = Cv.distance(notSkel, ws, ws);
        double scale = inkHeight / (mnistH * k);
        int tw = Math.max(4, (int) Math.round(ws * scale));
        float[] d = scale == 1 ? dist : Cv.resize(dist, ws, ws, 1, tw, tw, opencv_imgproc.INTER_LINEAR);
        float[] press = Noise.field(rng, tw, tw, Math.max(2, tw / 3.0));
        float[] sdf = new float[tw * tw];
        float s = (float) scale;
        for (int i = 0; i < sdf.length; i++) {
            float hw = (float) (halfWidth * (1 + pressure * 2 * (press[i] - 0.5)));
            sdf[i] = hw - d[i] * s;
        }
        return Shape.of(tw, tw, sdf);
    }

    private static double bil(double[] g, int n, int ix, int iy, double fx, double fy) {
        double a = g[iy * n + ix], b = g[iy * n + ix + 1], c = g[(iy + 1) * n + ix], e = g[(iy + 1) * n + ix + 1];
        return (a * (1 - fx) + b * fx) * (1 - fy) + (c * (1 - fx) + e * fx) * fy;
    }

    private static float sample(float[] img, double x, double y) {
        int ix = (int) Math.floor(x), iy = (int) Math.floor(y);
        if (ix < -1 || iy < -1 || ix > 27 || iy > 27) {
            return 0;
        }
        float fx = (float) (x - ix), fy = (float) (y - iy);
        return (at(img, ix, iy) * (1 - fx) + at(img, ix + 1, iy) * fx) * (1 - fy)
                + (at(img, ix, iy + 1) * (1 - fx) + at(img, ix + 1, iy + 1) * fx) * fy;
    }

    private static float at(float[] img, int x, int y) {
        return x < 0 || y < 0 || x > 27 || y > 27 ? 0 : img[y * 28 + x];
    }

    int label(int index) {
        return set.labels()[index];
    }

    int size() {
        return set.size();
    }
}
