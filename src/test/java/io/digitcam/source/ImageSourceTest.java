package io.digitcam.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imwrite;

import java.nio.file.Path;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageSourceTest {
    @Test
    void repeatsTheImageAtAboutFifteenFps(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("still.png");
        try (Mat m = new Mat(30, 40, CV_8UC3, new Scalar(200, 100, 50, 0))) {
            assertThat(imwrite(png.toString(), m)).isTrue();
        }
        try (ImageSource s = new ImageSource(png)) {
            assertThat(s.live()).isFalse();
            assertThat(s.description()).isEqualTo("image still.png");
            s.open();
            long t0 = System.nanoTime();
            FrameImage a = s.grab();
            FrameImage b = null;
            for (int i = 0; i < 5; i++) {
                b = s.grab();
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            assertThat(a.width()).isEqualTo(40);
            assertThat(a.height()).isEqualTo(30);
            assertThat(new int[] {a.bgr()[0] & 0xff, a.bgr()[1] & 0xff, a.bgr()[2] & 0xff}).containsExactly(200, 100, 50);
            assertThat(b.sequence()).isEqualTo(5);
            assertThat(b.bgr()).isEqualTo(a.bgr()).isNotSameAs(a.bgr());
            assertThat(seconds).isBetween(5 / ImageSource.FPS * 0.9, 5 / ImageSource.FPS * 3);
        }
    }

    @Test
    void closeFromAnotherThreadEndsIt(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("still.png");
        try (Mat m = new Mat(8, 8, CV_8UC3, Scalar.all(9))) {
            imwrite(png.toString(), m);
        }
        ImageSource s = new ImageSource(png);
        s.open();
        s.grab();
        new Thread(s::close).start();
        FrameImage f;
        int n = 0;
        while ((f = s.grab()) != null) {
            n++;
            assertThat(n).isLessThan(20);
        }
        assertThat(f).isNull();
    }

    @Test
    void anUnreadableImageFailsWithItsName(@TempDir Path dir) {
        Path missing = dir.resolve("missing.png");
        assertThatThrownBy(() -> new ImageSource(missing).open()).isInstanceOf(SourceException.class)
                .hasMessage(missing + ": no such file");
    }
}
