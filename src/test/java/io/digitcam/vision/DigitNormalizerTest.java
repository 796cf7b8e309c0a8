package io.digitcam.vision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_AA;
import static org.bytedeco.opencv.global.opencv_imgproc.FILLED;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_8;
import static org.bytedeco.opencv.global.opencv_imgproc.line;
import static org.bytedeco.opencv.global.opencv_imgproc.rectangle;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import io.digitcam.model.DigitClassifier;
import io.digitcam.model.DigitImages;
import io.digitcam.data.DigitSet;
import io.digitcam.data.MnistData;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.junit.jupiter.api.Test;

class DigitNormalizerTest {
    private final DigitNormalizer normalizer = new DigitNormalizer(NormalizerSettings.DEFAULT);

    /** MNIST digits written large, dark on unevenly lit paper, come back as MNIST looks. */
    @Test
    void aLargeDarkDigitOnLitPaperBecomesAnMnistCrop() throws IOException {
        DigitSet mnist = MnistData.test(Path.of("src/test/resources/mnist"));
        DigitClassifier classifier = DigitClassifier.load(Path.of("models/digitcam-cnn.zip"));
        List<byte[]> crops = new ArrayList<>();
        int n = 30;
        for (int i = 0; i < n; i++) {
            try (Mat page = writtenLarge(mnist, i, 5)) {
                byte[] crop = normalizer.normalize(page, inkBox(mnist, i, 5, 40, 30), Polarity.DARK_ON_LIGHT).pixels();
                assertThat(crop).hasSize(DigitImages.PIXELS);
                double[] shape = shape(crop);
                assertThat(Math.max(shape[2], shape[3])).as("longest side of digit %d", i).isCloseTo(20, within(1.0));
                assertThat(shape[0]).as("centre of mass x of digit %d", i).isCloseTo(14, within(1.5));
                assertThat(shape[1]).as("centre of mass y of digit %d", i).isCloseTo(14, within(1.5));
                assertThat(crop[0] & 0xff).as("background is black").isLessThan(10);
                crops.add(crop);
            }
        }
        int right = 0;
        var predictions = classifier.classify(crops);
        for (int i = 0; i < n; i++) {
            right += predictions.get(i).label() == (mnist.labels()[i] & 0xff) ? 1 : 0;
        }
        assertThat(right).isGreaterThanOrEqualTo(n - 1);
    }

    @Test
    void hairlineStrokesAreThickenedTowardsMnist() {
        try (Mat page = new Mat(300, 300, CV_8UC1, Scalar.all(230))) {
            line(page, new Point(100, 60), new Point(180, 60), Scalar.all(40), 1, LINE_AA, 0);
            line(page, new Point(180, 60), new Point(130, 220), Scalar.all(40), 1, LINE_AA, 0);
            byte[] crop = normalizer.normalize(page, new Box(99, 59, 83, 163), Polarity.DARK_ON_LIGHT).pixels();
            int inked = 0;
            for (byte b : crop) {
                inked += (b & 0xff) > 128 ? 1 : 0;
            }
            // Scaled down to 20 px without thickening, a one-pixel "7" fades below half ink
            // everywhere (0 pixels); thickened it inks 58, an MNIST 7 about 80.
            assertThat(inked).isGreaterThan(40);
        }
    }

    @Test
    void theInkBoxIsTheInksOwnWithinALooserRegion() {
        try (Mat page = new Mat(300, 300, CV_8UC1, Scalar.all(230))) {
            rectangle(page, new Point(120, 80), new Point(129, 139), Scalar.all(30), FILLED, LINE_8, 0);
            Box ink = normalizer.normalize(page, new Box(114, 74, 24, 72), Polarity.DARK_ON_LIGHT).inkBox();
            assertThat(ink.x()).isBetween(119, 121);
            assertThat(ink.y()).isBetween(79, 81);
            assertThat(ink.right()).isBetween(129, 131);
            assertThat(ink.bottom()).isBetween(139, 141);
        }
    }

    @Test
    void aRegionWithoutInkGivesNoCrop() {
        try (Mat page = new Mat(200, 200, CV_8UC1, Scalar.all(200))) {
            assertThat(normalizer.normalize(page, new Box(50, 50, 40, 60), Polarity.DARK_ON_LIGHT)).isNull();
        }
    }

    /** MNIST digit {@code i} inverted and scaled up, on paper lit from the left, at (40, 30). */
    private static Mat writtenLarge(DigitSet mnist, int i, int scale) {
        Mat page = new Mat(240, 240, CV_8UC1);
        try (UByteIndexer p = page.createIndexer()) {
            for (int y = 0; y < 240; y++) {
                for (int x = 0; x < 240; x++) {
                    p.put(y, x, 240 - x / 6);
                }
            }
        }
        try (Mat digit = new Mat(DigitImages.SIDE, DigitImages.SIDE, CV_8UC1); Mat big = new Mat()) {
            try (UByteIndexer d = digit.createIndexer()) {
                for (int k = 0; k < DigitImages.PIXELS; k++) {
                    d.put(k / DigitImages.SIDE, k % DigitImages.SIDE, mnist.pixels()[i * DigitImages.PIXELS + k] & 0xff);
                }
            }
            resize(digit, big, new Size(DigitImages.SIDE * scale, DigitImages.SIDE * scale), 0, 0, INTER_LINEAR);
            try (Mat roi = new Mat(page, new Rect(40, 30, big.cols(), big.rows()));
                 UByteIndexer r = roi.createIndexer(); UByteIndexer b = big.createIndexer()) {
                for (int y = 0; y < big.rows(); y++) {
                    for (int x = 0; x < big.cols(); x++) {
                        // Ink darkens the paper in proportion to the MNIST grey level.
                        r.put(y, x, (int) (r.get(y, x) * (1 - 0.8 * b.get(y, x) / 255.0)));
                    }
                }
            }
        }
        return page;
    }

    /** The bounding box of digit {@code i}'s ink in the page {@link #writtenLarge} drew. */
    private static Box inkBox(DigitSet mnist, int i, int scale, int x0, int y0) {
        int minX = DigitImages.SIDE;
        int minY = DigitImages.SIDE;
        int maxX = -1;
        int maxY = -1;
        for (int k = 0; k < DigitImages.PIXELS; k++) {
            if ((mnist.pixels()[i * DigitImages.PIXELS + k] & 0xff) > 64) {
                minX = Math.min(minX, k % DigitImages.SIDE);
                maxX = Math.max(maxX, k % DigitImages.SIDE);
                minY = Math.min(minY, k / DigitImages.SIDE);
                maxY = Math.max(maxY, k / DigitImages.SIDE);
            }
        }
        return new Box(x0 + minX * scale, y0 + minY * scale, (maxX - minX + 1) * scale, (maxY - minY + 1) * scale);
    }

    /** Centre of mass x, y and the width and height of the pixels above a quarter of full ink. */
    private static double[] shape(byte[] crop) {
        double sum = 0;
        double sx = 0;
        double sy = 0;
        int minX = 28;
        int minY = 28;
        int maxX = -1;
        int maxY = -1;
        for (int k = 0; k < crop.length; k++) {
            int v = crop[k] & 0xff;
            int x = k % DigitImages.SIDE;
            int y = k / DigitImages.SIDE;
            sum += v;
            sx += v * (x + 0.5);
            sy += v * (y + 0.5);
            if (v > 64) {
                minX = Math.min(minX, x);
                maxX = Math.max(maxX, x);
                minY = Math.min(minY, y);
                maxY = Math.max(maxY, y);
            }
        }
        return new double[] {sx / sum, sy / sum, maxX - minX + 1, maxY - minY + 1};
    }
}
