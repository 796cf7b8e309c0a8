package io.digitcam.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.digitcam.recognize.Recognition;
import io.digitcam.recognize.RecognitionJson;
import io.digitcam.recognize.RecognizedDigit;
import io.digitcam.render.Annotator;
import io.digitcam.source.FrameImage;
import io.digitcam.vision.Box;
import java.awt.image.BufferedImage;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaptureWriterTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    /** 2026-11-22 14:03:07.123 in Berlin, +01:00 in winter. */
    private static final Clock CLOCK = Clock.fixed(
            ZonedDateTime.of(2026, 11, 22, 14, 3, 7, 123_000_000, BERLIN).toInstant(), BERLIN);
    private static final String STEM = "capture-2026-11-22_14-03-07-123";

    @TempDir
    Path tmp;

    static FrameImage frame() {
        int w = 96;
        int h = 64;
        byte[] bgr = new byte[w * h * 3];
        new Random(7).nextBytes(bgr); // noise: any lossy step would change it
        return new FrameImage(w, h, bgr, 42, 123L);
    }

    static Recognition recognition() {
        return new Recognition(96, 64, List.of(
                new RecognizedDigit(4, 0.987654, 9, 0.01, new Box(10, 12, 20, 30)),
                new RecognizedDigit(2, 0.61234, 7, 0.3, new Box(40, 14, 18, 28))),
                List.of("42"), 12.345);
    }

    static CaptureContext context(Map<String, Object> settings) {
        return new CaptureContext("camera 0 (96×64)", Path.of("models", "digitcam-cnn.zip"), "ab12cd", settings, 0.8);
    }

    static Map<String, Object> settings() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("min-confidence", 0.8);
        s.put("threads", 2);
        return s;
    }

    private List<String> listing(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void writesRawAnnotatedAndSidecarWithMatchingContent() throws Exception {
        Path dir = tmp.resolve("captures").resolve("nested"); // missing: created
        FrameImage frame = frame();
        Recognition r = recognition();
        Capture c = new CaptureWriter(dir, FileSink.local(), CLOCK).save(frame, r, context(settings()));

        assertThat(c.image()).isEqualTo(dir.resolve(STEM + ".png"));
        assertThat(c.annotated()).isEqualTo(dir.resolve(STEM + "-annotated.png"));
        assertThat(c.json()).isEqualTo(dir.resolve(STEM + ".json"));
        assertThat(listing(dir)).containsExactly(STEM + "-annotated.png", STEM + ".json", STEM + ".png");

        // Raw PNG: decoded by an independent decoder, every pixel identical to the frame.
        BufferedImage raw = ImageIO.read(c.image().toFile());
        assertThat(raw.getWidth()).isEqualTo(96);
        assertThat(raw.getHeight()).isEqualTo(64);
        byte[] bgr = frame.bgr();
        int mismatches = 0;
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 96; x++) {
                int i = (y * 96 + x) * 3;
                int expected = (bgr[i + 2] & 0xff) << 16 | (bgr[i + 1] & 0xff) << 8 | (bgr[i] & 0xff);
                if ((raw.getRGB(x, y) & 0xffffff) != expected) {
                    mismatches++;
                }
            }
        }
        assertThat(mismatches).isZero();

        // Annotated PNG: exactly what Annotator draws on the frame, and not the raw frame.
        Mat expected = new Mat(64, 96, CV_8UC3);
        expected.data().put(bgr);
        Annotator.draw(expected, r, 0.8);
        byte[] expectedBytes = new byte[96 * 64 * 3];
        expected.data().get(expectedBytes);
        Mat annotated = imread(c.annotated().toString(), IMREAD_COLOR);
        byte[] annotatedBytes = new byte[96 * 64 * 3];
        annotated.data().get(annotatedBytes);
        assertThat(annotatedBytes).isEqualTo(expectedBytes).isNotEqualTo(bgr);
        // The frame handed in is untouched.
        assertThat(frame.bgr()).isEqualTo(frame().bgr());

        // Sidecar: the predict --json object with the raw PNG's name, plus the extras.
        JsonNode json = JSON.readTree(c.json().toFile());
        ObjectNode predictPart = json.deepCopy();
        predictPart.remove(List.of("time", "model", "settings", "source"));
        assertThat(predictPart).isEqualTo(JSON.valueToTree(RecognitionJson.of(STEM + ".png", r)));
        assertThat(json.get("image").asText()).isEqualTo(STEM + ".png");
        assertThat(json.get("width").asInt()).isEqualTo(96);
        assertThat(json.get("height").asInt()).isEqualTo(64);
        assertThat(json.get("digits")).hasSize(2);
        assertThat(json.get("digits").get(0).get("label").asInt()).isEqualTo(4);
        assertThat(json.get("digits").get(0).get("confidence").asDouble()).isEqualTo(0.988);
        assertThat(JSON.convertValue(json.get("digits").get(1).get("box"), int[].class)).containsExactly(40, 14, 18, 28);
        assertThat(json.get("numbers").get(0).asText()).isEqualTo("42");
        assertThat(json.get("millis").asDouble()).isEqualTo(12.3);
        assertThat(json.get("time").asText()).isEqualTo("2026-11-22T14:03:07.123+01:00");
        assertThat(json.get("model").get("file").asText()).isEqualTo("digitcam-cnn.zip");
        assertThat(json.get("model").get("sha256").asText()).isEqualTo("ab12cd");
        assertThat(JSON.convertValue(json.get("settings"), Map.class)).isEqualTo(settings());
        assertThat(json.get("source").asText()).isEqualTo("camera 0 (96×64)");
    }

    @Test
    void sidecarWithoutModelHasNullModelAndChecksumHelperHashes() throws Exception {
        Capture c = new CaptureWriter(tmp, FileSink.local(), CLOCK)
                .save(frame(), recognition(), new CaptureContext("file x.png", null, null, null, 0.5));
        JsonNode json = JSON.readTree(c.json().toFile());
        assertThat(json.get("model").isNull()).isTrue();
        assertThat(json.get("settings").size()).isZero();

        Path model = Files.writeString(tmp.resolve("m.zip"), "abc");
        assertThat(io.digitcam.model.Checksums.sha256(model))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void takenNameGetsSuffixAndExistingFileIsUntouched() throws Exception {
        Files.writeString(tmp.resolve(STEM + ".json"), "theirs");
        CaptureWriter writer = new CaptureWriter(tmp, FileSink.local(), CLOCK);
        Capture second = writer.save(frame(), recognition(), context(settings()));
        Capture third = writer.save(frame(), recognition(), context(settings()));

        assertThat(Files.readString(tmp.resolve(STEM + ".json"))).isEqualTo("theirs");
        assertThat(second.image().getFileName()).hasToString(STEM + "-2.png");
        assertThat(second.annotated().getFileName()).hasToString(STEM + "-2-annotated.png");
        assertThat(second.json().getFileName()).hasToString(STEM + "-2.json");
        assertThat(third.image().getFileName()).hasToString(STEM + "-3.png");
        assertThat(JSON.readTree(third.json().toFile()).get("image").asText()).isEqualTo(STEM + "-3.png");
        assertThat(listing(tmp)).hasSize(7).noneMatch(n -> n.startsWith("."));
    }

    @Test
    void fiftyCapturesFromFourThreadsInTheSameMillisecondNeverCollide() throws Exception {
        CaptureWriter writer = new CaptureWriter(tmp, FileSink.local(), CLOCK); // every capture: same ms
        FrameImage frame = frame();
        Recognition r = recognition();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Capture>> futures = new ArrayList<>();
        try {
            for (int i = 0; i < 50; i++) {
                int n = i;
                Callable<Capture> task = () -> {
                    start.await();
                    return writer.save(frame, r, context(Map.of("n", n)));
                };
                futures.add(pool.submit(task));
            }
            start.countDown();
            Set<Path> paths = new HashSet<>();
            for (Future<Capture> f : futures) {
                Capture c = f.get(120, TimeUnit.SECONDS);
                paths.addAll(List.of(c.image(), c.annotated(), c.json()));
            }
            assertThat(paths).hasSize(150);
        } finally {
            pool.shutdownNow();
        }
        assertThat(listing(tmp)).hasSize(150).noneMatch(n -> n.startsWith("."));
        // None overwritten: every capture's own sidecar survived and points at its own PNG.
        Set<Integer> ns = new HashSet<>();
        try (Stream<Path> s = Files.list(tmp)) {
            for (Path json : s.filter(p -> p.toString().endsWith(".json")).toList()) {
                JsonNode node = JSON.readTree(json.toFile());
                String base = json.getFileName().toString().replace(".json", "");
                assertThat(node.get("image").asText()).isEqualTo(base + ".png");
                assertThat(tmp.resolve(base + ".png")).isRegularFile();
                assertThat(tmp.resolve(base + "-annotated.png")).isRegularFile();
                ns.add(node.get("settings").get("n").asInt());
            }
        }
        assertThat(ns).hasSize(50).allMatch(n -> n >= 0 && n < 50);
    }

    @Test
    void readOnlyFolderSimulatedIsAClearMessageAndLeavesNothing() throws Exception {
        FileSink readOnly = new FileSink() {
            @Override
            public OutputStream create(Path file) throws IOException {
                throw new AccessDeniedException(file.toString());
            }

            @Override
            public void move(Path temp, Path target) {
                throw new AssertionError("nothing to move");
            }
        };
        CaptureWriter writer = new CaptureWriter(tmp, readOnly, CLOCK);
        assertThatThrownBy(() -> writer.save(frame(), recognition(), context(settings())))
                .isInstanceOf(CaptureException.class)
                .hasMessage("captures folder " + tmp + " is read-only");
        assertThat(listing(tmp)).isEmpty();
    }

    @Test
    void readOnlyFolderForReal() throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("ro"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assumeFalse(Files.isWritable(dir), "running as root: permissions are not enforced");
            assertThatThrownBy(() -> new CaptureWriter(dir).save(frame(), recognition(), context(settings())))
                    .isInstanceOf(CaptureException.class)
                    .hasMessage("captures folder " + dir + " is read-only");
        } finally {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        assertThat(listing(dir)).isEmpty();
    }

    /** The real sink, but the stream for the file whose name ends with {@code failing} runs out of space midway. */
    static FileSink diskFullOn(String failing) {
        FileSink real = FileSink.local();
        return new FileSink() {
            @Override
            public OutputStream create(Path file) throws IOException {
                OutputStream out = real.create(file);
                if (!file.getFileName().toString().endsWith(failing)) {
                    return out;
                }
                return new FilterOutputStream(out) {
                    int written;

                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        int room = Math.min(len, 100 - written);
                        out.write(b, off, room);
                        written += room;
                        if (room < len) {
                            throw new IOException("No space left on device");
                        }
                    }
                };
            }

            @Override
            public void move(Path temp, Path target) throws IOException {
                real.move(temp, target);
            }
        };
    }

    @Test
    void diskFullMidwayLeavesNoPartialFilesAndNamesTheFile() throws Exception {
        CaptureWriter writer = new CaptureWriter(tmp, diskFullOn("-annotated.png.tmp"), CLOCK);
        assertThatThrownBy(() -> writer.save(frame(), recognition(), context(settings())))
                .isInstanceOf(CaptureException.class)
                .hasMessage("captures folder " + tmp + ": disk full while writing " + STEM + "-annotated.png");
        assertThat(listing(tmp)).isEmpty(); // no PNG, no temp, no lock

        // Space freed: the same name is available again.
        Capture c = new CaptureWriter(tmp, FileSink.local(), CLOCK).save(frame(), recognition(), context(settings()));
        assertThat(c.image().getFileName()).hasToString(STEM + ".png");
    }

    @Test
    void failureAfterSomeFilesWereMovedRemovesThemToo() throws Exception {
        FileSink real = FileSink.local();
        AtomicInteger moves = new AtomicInteger();
        FileSink failsThirdMove = new FileSink() {
            @Override
            public OutputStream create(Path file) throws IOException {
                return real.create(file);
            }

            @Override
            public void move(Path temp, Path target) throws IOException {
                if (moves.incrementAndGet() == 3) {
                    throw new IOException("No space left on device");
                }
                real.move(temp, target);
            }
        };
        CaptureWriter writer = new CaptureWriter(tmp, failsThirdMove, CLOCK);
        assertThatThrownBy(() -> writer.save(frame(), recognition(), context(settings())))
                .isInstanceOf(CaptureException.class)
                .hasMessage("captures folder " + tmp + ": disk full while writing " + STEM + ".json");
        assertThat(moves.get()).isEqualTo(3);
        assertThat(listing(tmp)).isEmpty(); // the two PNGs already in place were removed
    }

    @Test
    void folderThatIsAFileIsAClearMessage() throws Exception {
        Path file = Files.writeString(tmp.resolve("captures"), "not a folder");
        assertThatThrownBy(() -> new CaptureWriter(file).save(frame(), recognition(), context(settings())))
                .isInstanceOf(CaptureException.class)
                .hasMessage("captures folder " + file + " is a file, not a folder");
        assertThat(Files.readString(file)).isEqualTo("not a folder");

        Path below = file.resolve("sub");
        assertThatThrownBy(() -> new CaptureWriter(below).save(frame(), recognition(), context(settings())))
                .isInstanceOf(CaptureException.class)
                .hasMessageStartingWith("captures folder " + below + " cannot be created: ")
                .hasMessageNotContaining("\n");
    }

    @Test
    void namesFollowTheClocksLocalTime() throws Exception {
        Clock utc = Clock.fixed(Instant.parse("2026-07-01T23:59:59.005Z"), ZoneId.of("Asia/Tokyo"));
        Capture c = new CaptureWriter(tmp, FileSink.local(), utc).save(frame(), recognition(), context(settings()));
        assertThat(c.image().getFileName()).hasToString("capture-2026-07-02_08-59-59-005.png");
        assertThat(JSON.readTree(c.json().toFile()).get("time").asText()).isEqualTo("2026-07-02T08:59:59.005+09:00");
    }
}
