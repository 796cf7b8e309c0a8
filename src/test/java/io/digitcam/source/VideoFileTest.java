package io.digitcam.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Video files: written here with FFmpegFrameRecorder, read back through VideoFiles. */
class VideoFileTest {
    private static final int FRAMES = 20;
    private static final double FPS = 50;

    /** Frame i is a flat gray of level 10 + 10·i, so a decoded frame says which one it is. */
    static Path writeClip(Path dir) throws Exception {
        Path file = dir.resolve("clip.avi");
        try (FFmpegFrameRecorder rec = new FFmpegFrameRecorder(file.toFile(), 160, 120, 0);
             OpenCVFrameConverter.ToMat conv = new OpenCVFrameConverter.ToMat()) {
            rec.setFormat("avi");
            rec.setVideoCodec(avcodec.AV_CODEC_ID_MPEG4);
            rec.setVideoQuality(2);
            rec.setFrameRate(FPS);
            rec.start();
            for (int i = 0; i < FRAMES; i++) {
                try (Mat m = new Mat(120, 160, org.bytedeco.opencv.global.opencv_core.CV_8UC3,
                        Scalar.all(level(i)))) {
                    Frame f = conv.convert(m);
                    rec.record(f);
                }
            }
            rec.stop();
        }
        return file;
    }

    static int level(int i) {
        return 10 + 10 * i;
    }

    /** Which recorded frame this is; YUV round trips shift levels by a few units, far below 10. */
    private static int indexOf(FrameImage f) {
        return (int) Math.round((GrabberSource.meanBrightness(f.bgr()) - 10) / 10);
    }

    @Test
    void playsAtTheFilesRateAndLoops(@TempDir Path dir) throws Exception {
        Path clip = writeClip(dir);
        try (GrabberSource s = VideoFiles.source(clip)) {
            assertThat(s.live()).isFalse();
            assertThat(s.description()).isEqualTo("video clip.avi");
            s.open();
            List<FrameImage> frames = new ArrayList<>();
            long t0 = System.nanoTime();
            for (int i = 0; i < FRAMES + 5; i++) {
                frames.add(s.grab());
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            for (int i = 0; i < frames.size(); i++) {
                FrameImage f = frames.get(i);
                assertThat(f.width()).isEqualTo(160);
                assertThat(f.height()).isEqualTo(120);
                assertThat(f.sequence()).isEqualTo(i);
                // Looped: frame 20 is the file's frame 0 again.
                assertThat(indexOf(f)).as("frame %d", i).isEqualTo(i % FRAMES);
            }
            // 25 frames at 50 fps: the first is due at once, the last 24 periods later.
            assertThat(seconds).isGreaterThan(24 / FPS * 0.9);
        }
    }

    @Test
    void aMissingFileIsNamed(@TempDir Path dir) {
        Path missing = dir.resolve("nope.mp4");
        assertThatThrownBy(() -> VideoFiles.source(missing).open()).isInstanceOf(SourceException.class)
                .hasMessage(missing + ": no such file");
    }

    @Test
    void aGarbageFileIsNamedInOneLine(@TempDir Path dir) throws Exception {
        Path garbage = dir.resolve("garbage.mp4");
        byte[] noise = new byte[4096];
        new Random(1).nextBytes(noise);
        Files.write(garbage, noise);
        try (GrabberSource s = VideoFiles.source(garbage)) {
            assertThatThrownBy(() -> {
                s.open();
                s.grab();
            }).isInstanceOf(SourceException.class)
                    .hasMessageContaining("garbage.mp4")
                    .hasMessageNotContaining("\n");
        }
    }
}
