package io.digitcam.synth.raster;

import static org.bytedeco.opencv.global.opencv_core.CV_32FC;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_core.BORDER_CONSTANT;
import static org.bytedeco.opencv.global.opencv_core.BORDER_REFLECT;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/** The pixel operations OpenCV does faster than Java loops, on {@link Img}s and float planes. */
final class Cv {
    private Cv() {
    }

    static Mat mat(float[] px, int w, int h, int c) {
        Mat m = new Mat(h, w, CV_32FC(c));
        FloatBuffer fb = m.createBuffer();
        fb.put(px, 0, w * h * c);
        return m;
    }

    static float[] floats(Mat m) {
        float[] out = new float[m.rows() * m.cols() * m.channels()];
        FloatBuffer fb = m.createBuffer();
        fb.get(out);
        return out;
    }

    static float[] resize(float[] src, int sw, int sh, int c, int dw, int dh, int interp) {
        try (Mat s = mat(src, sw, sh, c); Mat d = new Mat()) {
            opencv_imgproc.resize(s, d, new Size(dw, dh), 0, 0, interp);
            return floats(d);
        }
    }

    static void gaussian(float[] px, int w, int h, int c, double sigma) {
        if (sigma < 0.3) {
            return;
        }
        try (Mat s = mat(px, w, h, c); Mat d = new Mat()) {
            // A 3-tap kernel is enough below one pixel and costs half the default size.
            Size k = sigma < 0.95 ? new Size(3, 3) : new Size(0, 0);
            opencv_imgproc.GaussianBlur(s, d, k, sigma, sigma, BORDER_REFLECT);
            FloatBuffer fb = d.createBuffer();
            fb.get(px);
        }
    }

    /** Anisotropic blur: smudges, streaks and brushed textures. */
    static void gaussian(float[] px, int w, int h, int c, double sx, double sy) {
        try (Mat s = mat(px, w, h, c); Mat d = new Mat()) {
            opencv_imgproc.GaussianBlur(s, d, new Size(0, 0), Math.max(0.3, sx), Math.max(0.3, sy), BORDER_REFLECT);
            FloatBuffer fb = d.createBuffer();
            fb.get(px);
        }
    }

    static void filter(float[] px, int w, int h, int c, float[] kernel, int kw, int kh) {
        try (Mat s = mat(px, w, h, c); Mat d = new Mat(); Mat k = mat(kernel, kw, kh, 1)) {
            opencv_imgproc.filter2D(s, d, -1, k, new Point(-1, -1), 0, BORDER_REFLECT);
            FloatBuffer fb = d.createBuffer();
            fb.get(px);
        }
    }

    /** Warps an image with the homography {@code hm} (row-major 3×3, source to destination). */
    static float[] warp(float[] src, int sw, int sh, int c, double[] hm, int dw, int dh) {
        try (Mat s = mat(src, sw, sh, c); Mat d = new Mat(); Mat m = new Mat(3, 3, org.bytedeco.opencv.global.opencv_core.CV_64F)) {
            java.nio.DoubleBuffer db = m.createBuffer();
            db.put(hm);
            opencv_imgproc.warpPerspective(s, d, m, new Size(dw, dh), opencv_imgproc.INTER_LINEAR, BORDER_CONSTANT, new Scalar(0, 0, 0, 0));
            return floats(d);
        }
    }

    /** Euclidean distance of every pixel to the nearest zero pixel of {@code mask} (0/1 bytes). */
    static float[] distance(byte[] mask, int w, int h) {
        try (Mat s = new Mat(h, w, CV_8UC1); Mat d = new Mat()) {
            ByteBuffer bb = s.createBuffer();
            bb.put(mask);
            opencv_imgproc.distanceTransform(s, d, opencv_imgproc.DIST_L2, 5);
            return floats(d);
        }
    }

    /** Round trip of 8-bit B,G,R bytes through the camera's JPEG encoder at {@code quality}. */
    static byte[] jpeg(byte[] b, int w, int h, int quality) {
        try (Mat s = new Mat(h, w, CV_8UC3); BytePointer buf = new BytePointer();
             IntPointer params = new IntPointer(opencv_imgcodecs.IMWRITE_JPEG_QUALITY, quality)) {
            ByteBuffer bb = s.createBuffer();
            bb.put(b);
            opencv_imgcodecs.imencode(".jpg", s, buf, params);
            try (Mat enc = new Mat(1, (int) buf.limit(), CV_8UC1, buf); Mat dec = opencv_imgcodecs.imdecode(enc, opencv_imgcodecs.IMREAD_COLOR)) {
                byte[] out = new byte[b.length];
                ByteBuffer db = dec.createBuffer();
                db.get(out);
                return out;
            }
        }
    }

    /** Homography taking the four {@code src} points (x0,y0,..x3,y3) to {@code dst}. */
    static double[] homography(double[] src, double[] dst) {
        // Solve the 8×8 system directly: small, and avoids another Mat round trip.
        double[][] a = new double[8][9];
        for (int i = 0; i < 4; i++) {
            double x = src[2 * i], y = src[2 * i + 1], u = dst[2 * i], v = dst[2 * i + 1];
            a[2 * i] = new double[] {x, y, 1, 0, 0, 0, -u * x, -u * y, u};
            a[2 * i + 1] = new double[] {0, 0, 0, x, y, 1, -v * x, -v * y, v};
        }
        for (int col = 0; col < 8; col++) {
            int piv = col;
            for (int r = col + 1; r < 8; r++) {
                if (Math.abs(a[r][col]) > Math.abs(a[piv][col])) {
                    piv = r;
                }
            }
            double[] t = a[col];
            a[col] = a[piv];
            a[piv] = t;
            for (int r = 0; r < 8; r++) {
                if (r != col) {
                    double f = a[r][col] / a[col][col];
                    for (int k = col; k < 9; k++) {
                        a[r][k] -= f * a[col][k];
                    }
                }
            }
        }
        double[] hm = new double[9];
        for (int i = 0; i < 8; i++) {
            hm[i] = a[i][8] / a[i][i];
        }
        hm[8] = 1;
        return hm;
    }

    static double[] apply(double[] hm, double x, double y) {
        double z = hm[6] * x + hm[7] * y + hm[8];
        return new double[] {(hm[0] * x + hm[1] * y + hm[2]) / z, (hm[3] * x + hm[4] * y + hm[5]) / z};
    }
}
