package io.digitcam.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.digitcam.source.FrameImage;
import io.digitcam.vision.Box;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleStoreTest {
    @TempDir
    Path dir;

    private static final Clock FIXED = Clock.fixed(Instant.parse("2026-12-07T10:15:30.123Z"), ZoneOffset.UTC);

    /** A 20×10 frame whose every pixel says where it is: B = x, G = y. */
    private static FrameImage frame() {
        byte[] bgr = new byte[20 * 10 * 3];
        for (int y = 0; y < 10; y++) {
            for (int x = 0; x < 20; x++) {
                bgr[(y * 20 + x) * 3] = (byte) x;
                bgr[(y * 20 + x) * 3 + 1] = (byte) y;
            }
        }
        return new FrameImage(20, 10, bgr, 0, 0);
    }

    private static SampleInfo info(Box box) {
        return new SampleInfo("test", 0, 20, 10, box, 7, 0.9, 7, 0.9, null, null);
    }

    @Test
    void theCropIsTheBoxWithAQuarterMarginClampedToTheFrame() {
        SampleCrop crop = SampleCrop.cut(frame(), new Box(8, 4, 4, 4));
        assertThat(crop.region()).isEqualTo(new Box(7, 3, 6, 6));
        assertThat(crop.bgr()[0]).isEqualTo((byte) 7);
        assertThat(crop.bgr()[1]).isEqualTo((byte) 3);
        assertThat(SampleCrop.cut(frame(), new Box(0, 0, 8, 8)).region()).isEqualTo(new Box(0, 0, 10, 10));
    }

    @Test
    void namesNeverCollideAndCountsAddUp() throws Exception {
        SampleStore store = new SampleStore(dir, FIXED);
        Box box = new Box(8, 4, 4, 4);
        SavedSample a = store.save(SampleCrop.cut(frame(), box), SampleLabel.of(7), info(box));
        SavedSample b = store.save(SampleCrop.cut(frame(), box), SampleLabel.of(7), info(box));
        SavedSample c = store.save(SampleCrop.cut(frame(), box), SampleLabel.NOT_A_DIGIT, info(box));
        assertThat(a.image().getFileName().toString()).isEqualTo("2026-12-07_10-15-30-123-1.png");
        assertThat(b.image().getFileName().toString()).isEqualTo("2026-12-07_10-15-30-123-2.png");
        assertThat(c.image().getParent().getFileName().toString()).isEqualTo("not-a-digit");
        assertThat(b.message()).isEqualTo("Saved a 7 (2 samples of 7, 2 in all)");
        assertThat(c.message()).isEqualTo("Saved a not-a-digit (1 sample of not a digit, 3 in all)");
        List<String> names;
        try (Stream<Path> s = Files.walk(dir)) {
            names = s.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).toList();
        }
        assertThat(names).hasSize(6).noneMatch(n -> n.startsWith("."));
    }

    @Test
    void aFileInTheWayIsAOneLineErrorAndLeavesNothing() throws Exception {
        Path blocked = Files.writeString(dir.resolve("samples"), "x");
        SampleStore store = new SampleStore(blocked, FIXED);
        Box box = new Box(8, 4, 4, 4);
        assertThatThrownBy(() -> store.save(SampleCrop.cut(frame(), box), SampleLabel.of(3), info(box)))
                .isInstanceOf(SampleException.class).hasMessageContaining(blocked.toString()).hasMessageNotContaining("\n");
        assertThat(Files.readString(blocked)).isEqualTo("x");
    }
}
