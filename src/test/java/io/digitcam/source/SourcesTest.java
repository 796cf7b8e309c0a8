package io.digitcam.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourcesTest {
    private static final CameraSpec DEFAULTS = CameraSpec.DEFAULT;

    @Test
    void namesTheKindOfSource() throws Exception {
        assertThat(Sources.open("demo", DEFAULTS)).isInstanceOf(DemoSource.class);
        assertThat(Sources.open(" Demo ", DEFAULTS)).isInstanceOf(DemoSource.class);
        assertThat(Sources.open("photo.JPG", DEFAULTS)).isInstanceOf(ImageSource.class)
                .extracting(FrameSource::description).isEqualTo("image photo.JPG");
        FrameSource video = Sources.open("clips/desk.mp4", DEFAULTS);
        assertThat(video).isInstanceOf(GrabberSource.class);
        assertThat(video.description()).isEqualTo("video desk.mp4");
        assertThat(video.live()).isFalse();
    }

    @Test
    void camerasByIndexOrName() throws Exception {
        FrameSource first = Sources.open("camera", DEFAULTS);
        assertThat(first.live()).isTrue();
        assertThat(first.description()).isEqualTo("camera");
        assertThat(Sources.open("camera:2", DEFAULTS).description()).startsWith("camera 2");
        assertThat(Sources.open("CAMERA:Logitech C920", DEFAULTS).description()).isEqualTo("camera \"Logitech C920\"");
    }

    @Test
    void nothingIsOpenedUntilAsked() throws Exception {
        // Parsing a missing camera or file succeeds; open() is where it fails, with one line.
        FrameSource cam = Sources.open("camera:9", DEFAULTS);
        assertThatThrownBy(cam::open).isInstanceOf(SourceException.class).hasMessageStartingWith("no camera at index 9");
    }

    @Test
    void aMissingVideoFailsOnOpenNamingIt(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("gone.mkv");
        FrameSource s = Sources.open(missing.toString(), DEFAULTS);
        assertThatThrownBy(s::open).isInstanceOf(SourceException.class).hasMessage(missing + ": no such file");
    }

    @Test
    void emptyOrHalfSpecsAreRejected() {
        assertThatThrownBy(() -> Sources.open("  ", DEFAULTS)).isInstanceOf(SourceException.class)
                .hasMessageContaining("no source given");
        assertThatThrownBy(() -> Sources.open("camera:", DEFAULTS)).isInstanceOf(SourceException.class)
                .hasMessageContaining("index or name missing");
    }
}
