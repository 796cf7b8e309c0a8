package io.digitcam.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The camera code (Cameras' FFmpegFrameGrabber set-up, GrabberSource) driven by FFmpeg's lavfi
 * test pattern instead of a webcam, and the fast "no camera" path.
 */
class CameraPathTest {
    private static final String PATTERN = "testsrc2=size=640x480:rate=30";

    @Test
    void lavfiThroughTheCameraPathDeliversFramesOfTheRequestedSize() throws Exception {
        CameraSpec spec = new CameraSpec(null, null, 320, 240, 30);
        try (GrabberSource s = Cameras.source("lavfi", PATTERN, spec, GrabberOptions.camera())) {
            assertThat(s.live()).isTrue();
            s.open();
            long last = -1;
            for (int i = 0; i < 5; i++) {
                FrameImage f = s.grab();
                // The grabber scales the 640×480 pattern to the size asked for, as for a webcam.
                assertThat(f.width()).isEqualTo(320);
                assertThat(f.height()).isEqualTo(240);
                assertThat(f.sequence()).isEqualTo(last + 1);
                assertThat(GrabberSource.meanBrightness(f.bgr())).isGreaterThan(GrabberSource.DARK_MEAN);
                last = f.sequence();
            }
        }
    }

    @Test
    void closeFromAnotherThreadEndsAGrabLoop() throws Exception {
        GrabberSource s = Cameras.source("lavfi", PATTERN, new CameraSpec(null, null, 640, 480, 30),
                GrabberOptions.camera());
        s.open();
        AtomicInteger frames = new AtomicInteger();
        CompletableFuture<Object> loop = CompletableFuture.supplyAsync(() -> {
            try {
                while (s.grab() != null) {
                    frames.incrementAndGet();
                }
                return "ended";
            } catch (SourceException e) {
                return e;
            }
        });
        while (frames.get() < 3) {
            Thread.sleep(10);
        }
        s.close();
        // A hang guard: the loop ends on close or never.
        assertThat(loop.get(30, TimeUnit.SECONDS)).isEqualTo("ended");
        s.close();
    }

    @Test
    void aMissingCameraFailsFastWithOneLine() {
        GrabberSource s = Cameras.source(CameraSpec.DEFAULT.withIndex(7));
        // "no camera at index" comes from the presence check, which runs before the grabber
        // (whose own failure takes FFmpeg about ten seconds): this message is the fast path.
        assertThatThrownBy(s::open).isInstanceOf(SourceException.class)
                .hasMessageStartingWith("no camera at index 7")
                .hasMessageNotContaining("\n");
        assertThat(s.description()).startsWith("camera 7");
    }

    @Test
    void anUnknownCameraNameSaysWhichCamerasExist() {
        GrabberSource s = Cameras.source(CameraSpec.DEFAULT.withName("No Such Cam 9000"));
        assertThatThrownBy(s::open).isInstanceOf(SourceException.class)
                .hasMessageStartingWith("no camera named \"No Such Cam 9000\" (")
                .hasMessageNotContaining("\n");
    }

    @Test
    void linuxListingSkipsMetadataNodesAndSortsByIndex(@TempDir Path sys) throws Exception {
        node(sys, "video10", "Logitech C920", "0");
        node(sys, "video0", "Integrated Camera: Integrated C", "0");
        node(sys, "video1", "Integrated Camera: Integrated C", "1");
        node(sys, "video3", "", null);
        Files.createDirectories(sys.resolve("v4l-subdev0"));
        assertThat(Cameras.listLinux(sys)).containsExactly(
                new CameraInfo(0, "Integrated Camera: Integrated C"),
                new CameraInfo(3, "camera 3"),
                new CameraInfo(10, "Logitech C920"));
        assertThat(Cameras.listLinux(sys.resolve("absent"))).isEmpty();
    }

    @Test
    void namesMatchExactlyThenByUniqueSubstringIgnoringCase() throws Exception {
        List<CameraInfo> cams = List.of(new CameraInfo(0, "Integrated Camera"), new CameraInfo(2, "Logitech C920"),
                new CameraInfo(4, "Logitech BRIO"));
        assertThat(Cameras.pick("integrated camera", cams).index()).isZero();
        assertThat(Cameras.pick("c920", cams).index()).isEqualTo(2);
        assertThatThrownBy(() -> Cameras.pick("logitech", cams)).isInstanceOf(SourceException.class)
                .hasMessage("more than one camera matches \"logitech\" (cameras: 0 Integrated Camera, "
                        + "2 Logitech C920, 4 Logitech BRIO)");
    }

    private static void node(Path sys, String dir, String name, String index) throws Exception {
        Path d = Files.createDirectories(sys.resolve(dir));
        Files.writeString(d.resolve("name"), name + "\n");
        if (index != null) {
            Files.writeString(d.resolve("index"), index + "\n");
        }
    }
}
