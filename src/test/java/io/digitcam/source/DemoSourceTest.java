package io.digitcam.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.digitcam.model.DigitImages;
import io.digitcam.data.DigitSet;
import io.digitcam.data.MnistData;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DemoSourceTest {
    private DemoSource demo;

    @BeforeEach
    void open() throws Exception {
        demo = new DemoSource(42);
        demo.open();
    }

    @AfterEach
    void close() {
        demo.close();
    }

    @Test
    void framesAre720pAndPacedAtThirtyFps() throws Exception {
        long t0 = System.nanoTime();
        FrameImage f = null;
        for (int i = 0; i < 10; i++) {
            f = demo.grab();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertThat(f.width()).isEqualTo(1280);
        assertThat(f.height()).isEqualTo(720);
        assertThat(f.sequence()).isEqualTo(9);
        assertThat(seconds).isGreaterThan(9 / DemoSource.FPS * 0.9);
        assertThat(demo.live()).isFalse();
        assertThat(demo.description()).isEqualTo("demo");
    }

    @Test
    void theSheetMovesAndTheNumbersChange() {
        byte[] a = demo.frame(0).bgr();
        byte[] b = demo.frame(30).bgr();
        assertThat(meanAbsDiff(a, b)).as("one second later the sheet has moved").isGreaterThan(2);
        assertThat(demo.numbers(0)).isEqualTo(demo.numbers(DemoSource.FRAMES_PER_SET - 1));
        Set<java.util.List<String>> sets = new HashSet<>();
        for (int set = 0; set < 5; set++) {
            var numbers = demo.numbers(set * DemoSource.FRAMES_PER_SET);
            assertThat(numbers).hasSizeBetween(2, 3).allMatch(n -> n.matches("[1-9][0-9]{2,3}"));
            sets.add(numbers);
        }
        assertThat(sets).hasSize(5);
    }

    @Test
    void aFrameDependsOnlyOnSeedAndNumber() throws Exception {
        try (DemoSource same = new DemoSource(42); DemoSource other = new DemoSource(43)) {
            same.open();
            other.open();
            // Out of order on purpose: no hidden state carried from frame to frame.
            byte[] late = same.frame(500).bgr();
            assertThat(same.frame(7).bgr()).isEqualTo(demo.frame(7).bgr());
            assertThat(late).isEqualTo(demo.frame(500).bgr());
            assertThat(meanAbsDiff(other.frame(7).bgr(), demo.frame(7).bgr())).isGreaterThan(2);
        }
    }

    @Test
    void looksLikePaperOnADeskWithDarkInk() {
        byte[] f = demo.frame(0).bgr();
        int center = pixelGray(f, DemoSource.WIDTH / 2, DemoSource.HEIGHT / 2 - 200);
        int corner = pixelGray(f, 10, 10);
        assertThat(corner).as("desk").isBetween(40, 140);
        int dark = 0;
        int light = 0;
        for (int y = 150; y < 570; y += 2) {
            for (int x = 340; x < 940; x += 2) {
                int g = pixelGray(f, x, y);
                dark += g < 90 ? 1 : 0;
                light += g > 190 ? 1 : 0;
            }
        }
        assertThat(light).as("paper").isGreaterThan(30_000);
        assertThat(dark).as("ink").isBetween(1_000, 15_000);
        assertThat(center).isGreaterThan(150);
    }

    @Test
    void rendersInAFewMilliseconds() {
        demo.frame(0);
        long t0 = System.nanoTime();
        for (int i = 1; i <= 30; i++) {
            demo.frame(i);
        }
        double msPerFrame = (System.nanoTime() - t0) / 1e6 / 30;
        // Generous: the build machine is shared; on a free core it is well under 10 ms.
        assertThat(msPerFrame).isLessThan(33);
    }

    @Test
    void closeFromAnotherThreadEndsTheStream() throws Exception {
        demo.grab();
        new Thread(demo::close).start();
        int n = 0;
        while (demo.grab() != null) {
            assertThat(++n).isLessThan(30);
        }
        assertThat(demo.grab()).isNull();
    }

    @Test
    void spriteSamplesComeFromTheMnistTrainingSet() throws Exception {
        Path mnist = Path.of(System.getProperty("digitcam.mnist", "/work/shared/mnist"));
        assumeThat(Files.isDirectory(mnist)).as("MNIST at " + mnist).isTrue();
        byte[] png = DemoSource.class.getResourceAsStream(DemoSource.SPRITE).readAllBytes();
        int side = DigitImages.SIDE;
        Set<ByteBuffer> train = new HashSet<>();
        DigitSet set = MnistData.train(mnist);
        for (int i = 0; i < set.size(); i++) {
            train.add(ByteBuffer.wrap(set.pixels(), i * DigitImages.PIXELS, DigitImages.PIXELS).slice());
        }
        try (Mat buf = new Mat(new org.bytedeco.javacpp.BytePointer(png));
             Mat img = opencv_imgcodecs.imdecode(buf, opencv_imgcodecs.IMREAD_GRAYSCALE)) {
            byte[] all = new byte[img.rows() * img.cols()];
            img.data().get(all);
            int stride = DemoSource.SAMPLES_PER_DIGIT * side;
            for (int d = 0; d < 10; d++) {
                for (int s = 0; s < DemoSource.SAMPLES_PER_DIGIT; s++) {
                    byte[] tile = new byte[DigitImages.PIXELS];
                    for (int r = 0; r < side; r++) {
                        System.arraycopy(all, (d * side + r) * stride + s * side, tile, r * side, side);
                    }
                    assertThat(train).as("digit %d sample %d", d, s).contains(ByteBuffer.wrap(tile));
                }
            }
        }
    }

    private static int pixelGray(byte[] bgr, int x, int y) {
        int i = (y * DemoSource.WIDTH + x) * 3;
        return ((bgr[i] & 0xff) + (bgr[i + 1] & 0xff) + (bgr[i + 2] & 0xff)) / 3;
    }

    private static double meanAbsDiff(byte[] a, byte[] b) {
        long sum = 0;
        for (int i = 0; i < a.length; i += 5) {
            sum += Math.abs((a[i] & 0xff) - (b[i] & 0xff));
        }
        return sum / (a.length / 5.0);
    }
}
