package io.digitcam.train;

import io.digitcam.model.DigitImages;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_imgproc.*;

import java.util.SplittableRandom;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point2f;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Distorts 28×28 training digits the way a camera crop differs from MNIST after our own
 * normalisation: a slightly wrong angle, size and centre, pen strokes thinner or bolder than
 * MNIST's, focus blur and sensor noise. Ranges are kept modest so MNIST test accuracy does not
 * pay for robustness. Not thread-safe: it reuses its native buffers.
 */
public final class Augmenter implements AutoCloseable {
    /** The distortion ranges; {@link #DEFAULT} is what the shipped model was trained with. */
    public record Ranges(double maxRotationDeg, double minScale, double maxScale, double maxShiftPx,
                         double thicknessProbability, double blurProbability, double maxBlurSigma,
                         double noiseProbability, double maxNoiseSigma) {
        public static final Ranges DEFAULT = new Ranges(12, 0.85, 1.12, 2.5, 0.3, 0.25, 0.8, 0.25, 12);
    }

    private final Ranges ranges;
    private final SplittableRandom random;
    private final Mat src = new Mat(DigitImages.SIDE, DigitImages.SIDE, CV_8UC1);
    private final Mat dst = new Mat(DigitImages.SIDE, DigitImages.SIDE, CV_8UC1);
    private final Mat kernel = getStructuringElement(MORPH_ELLIPSE, new Size(2, 2));
    private final byte[] buffer = new byte[DigitImages.PIXELS];

    public Augmenter(Ranges ranges, long seed) {
        this.ranges = ranges;
        this.random = new SplittableRandom(seed);
    }

    /** Writes a distorted copy of {@code in[offset..offset+784)} into {@code out} as 0..1 floats. */
    public void augment(byte[] in, int offset, float[] out, int outOffset) {
        BytePointer srcData = src.data();
        srcData.put(in, offset, DigitImages.PIXELS);

        double angle = uniform(-ranges.maxRotationDeg(), ranges.maxRotationDeg());
        double scale = uniform(ranges.minScale(), ranges.maxScale());
        double centre = (DigitImages.SIDE - 1) / 2.0;
        try (Mat m = getRotationMatrix2D(new Point2f((float) centre, (float) centre), angle, scale)) {
            var idx = m.<org.bytedeco.javacpp.indexer.DoubleIndexer>createIndexer();
            idx.put(0, 2, idx.get(0, 2) + uniform(-ranges.maxShiftPx(), ranges.maxShiftPx()));
            idx.put(1, 2, idx.get(1, 2) + uniform(-ranges.maxShiftPx(), ranges.maxShiftPx()));
            idx.close();
            warpAffine(src, dst, m, dst.size(), INTER_LINEAR, org.bytedeco.opencv.global.opencv_core.BORDER_CONSTANT,
                    Scalar.all(0));
        }
        if (random.nextDouble() < ranges.thicknessProbability()) {
            if (random.nextBoolean()) {
                dilate(dst, dst, kernel);
            } else {
                erode(dst, dst, kernel);
            }
        }
        if (random.nextDouble() < ranges.blurProbability()) {
            GaussianBlur(dst, dst, new Size(3, 3), uniform(0.3, ranges.maxBlurSigma()));
        }
        dst.data().get(buffer, 0, DigitImages.PIXELS);
        boolean noisy = random.nextDouble() < ranges.noiseProbability();
        double sigma = noisy ? uniform(2, ranges.maxNoiseSigma()) : 0;
        for (int i = 0; i < DigitImages.PIXELS; i++) {
            double v = buffer[i] & 0xff;
            if (noisy) {
                v += gaussian() * sigma;
            }
            out[outOffset + i] = (float) (Math.min(255, Math.max(0, v)) / 255.0);
        }
    }

    private double uniform(double lo, double hi) {
        return lo + (hi - lo) * random.nextDouble();
    }

    private double gaussian() {
        // Box–Muller; SplittableRandom has no nextGaussian in Java 17.
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    @Override
    public void close() {
        src.close();
        dst.close();
        kernel.close();
    }
}
