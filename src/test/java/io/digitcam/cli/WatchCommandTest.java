package io.digitcam.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.digitcam.app.NumberSheet;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Java2DFrameConverter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code digitcam watch} through the command line's entry point, on a video of sheets of
 * handwritten (MNIST test) numbers shown one after the other, on a still image, and on the
 * camera this machine does not have.
 */
@org.junit.jupiter.api.Tag("slow")
class WatchCommandTest extends CommandLineTest {
    /** What the video shows, in order, each for {@link #SECONDS_EACH}: far longer than the 0.6 s a reading needs. */
    // No 1s: a narrow MNIST 1 stands further from its neighbour than the number gap, and is read
    // as a number of its own, by predict and the app alike.
    static final List<String> NUMBERS = List.of("5283", "907", "64");
    static final int FPS = 10;
    static final int SECONDS_EACH = 2;
    static final Pattern LINE = Pattern.compile(
            "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}(Z|[+-]\\d\\d:\\d\\d): ([\\d ]+) \\((\\d+) digits?, min confidence (\\d\\.\\d\\d)\\)");

    @TempDir
    static Path dir;
    static Path video;


    @BeforeAll
    static void recordVideo() throws Exception {
        video = dir.resolve("numbers.avi");
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
        try (FFmpegFrameRecorder rec = new FFmpegFrameRecorder(video.toFile(), 960, 540, 0);
             Java2DFrameConverter conv = new Java2DFrameConverter()) {
            rec.setFormat("avi");
            rec.setVideoCodec(avcodec.AV_CODEC_ID_MPEG4);
            rec.setVideoQuality(2);
            rec.setFrameRate(FPS);
            rec.start();
            for (String number : NUMBERS) {
                BufferedImage sheet = NumberSheet.image(number);
                for (int i = 0; i < FPS * SECONDS_EACH; i++) {
                    rec.record(conv.convert(sheet));
                }
            }
            rec.stop();
        }
    }

    @Test
    void printsEachNumberOnceInOrderWhenItHasHeldStillAndEndsWithTheFile() {
        // One line per number, then the end of the file ends the command.
        assertThat(run("watch", "--source", video.toString())).as(err.toString()).isZero();
        List<String> read = new ArrayList<>();
        for (String line : out.toString().lines().toList()) {
            Matcher m = LINE.matcher(line);
            assertThat(m.matches()).as(line).isTrue();
            read.add(m.group(2));
            assertThat(Integer.parseInt(m.group(3))).isEqualTo(m.group(2).length());
            assertThat(Double.parseDouble(m.group(4))).isBetween(0.6, 1.0);
        }
        assertThat(read).containsExactlyElementsOf(NUMBERS);
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void jsonIsOneObjectPerSteadyReadingWithTheDigitsBoxesAndConfidences() throws Exception {
        assertThat(run("watch", "--json", "--source", video.toString())).as(err.toString()).isZero();
        List<String> lines = out.toString().lines().toList();
        assertThat(lines).hasSize(NUMBERS.size());
        long previousFrame = -1;
        for (int n = 0; n < lines.size(); n++) {
            JsonNode o = new ObjectMapper().readTree(lines.get(n));
            assertThat(o.fieldNames()).toIterable()
                    .containsExactly("time", "frame", "width", "height", "digits", "numbers");
            String number = NUMBERS.get(n);
            assertThat(o.get("numbers")).hasSize(1);
            assertThat(o.get("numbers").get(0).asText()).isEqualTo(number);
            assertThat(o.get("width").asInt()).isEqualTo(960);
            assertThat(o.get("height").asInt()).isEqualTo(540);
            // Read within the number's own frames, not before it was shown.
            long frame = o.get("frame").asLong();
            assertThat(frame).isGreaterThan(previousFrame).isBetween((long) n * FPS * SECONDS_EACH,
                    (n + 1L) * FPS * SECONDS_EACH - 1);
            previousFrame = frame;
            JsonNode digits = o.get("digits");
            assertThat(digits).hasSize(number.length());
            int previousX = -1;
            for (int i = 0; i < digits.size(); i++) {
                JsonNode d = digits.get(i);
                assertThat(d.get("label").asInt()).isEqualTo(number.charAt(i) - '0');
                assertThat(d.get("confidence").asDouble()).isBetween(0.6, 1.0);
                JsonNode box = d.get("box");
                assertThat(box).hasSize(4);
                // NumberSheet draws each digit in a 112 px square from y = 170, 110 px apart.
                assertThat(box.get(0).asInt()).isGreaterThan(previousX);
                assertThat(box.get(1).asInt()).isBetween(160, 230);
                assertThat(box.get(2).asInt()).isBetween(10, 115);
                assertThat(box.get(3).asInt()).isBetween(50, 115);
                previousX = box.get(0).asInt();
            }
        }
    }

    @Test
    void aStillImagePrintsItsReadingOnceAndEnds() throws Exception {
        Path sheet = NumberSheet.write(dir.resolve("sheet.png"), "907");
        assertThat(run("watch", "--source", sheet.toString())).as(err.toString()).isZero();
        List<String> lines = out.toString().lines().toList();
        assertThat(lines).hasSize(1);
        Matcher m = LINE.matcher(lines.get(0));
        assertThat(m.matches()).as(lines.get(0)).isTrue();
        assertThat(m.group(2)).isEqualTo("907");
    }

    @Test
    void aMissingCameraIsOneLineAndExitStatus2() {
        assumeThat(Path.of("/dev/video0")).as("a camera is attached").doesNotExist();
        assertThat(run("watch", "--source", "camera")).isEqualTo(WatchCommand.NO_SOURCE).isEqualTo(2);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).isEqualTo("digitcam: no camera at index 0 (no /dev/video0)" + System.lineSeparator());
    }

    @Test
    void aMissingFileIsOneLineAndExitStatus2() {
        Path missing = dir.resolve("missing.mp4");
        assertThat(run("watch", "--source", missing.toString())).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("digitcam: " + missing + ": no such file" + System.lineSeparator());
    }

    @Test
    void watchIsACommandOfItsOwn() {
        assertThat(DigitCamCommand.withDefaultCommand("watch", "--source", "demo"))
                .containsExactly("watch", "--source", "demo");
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("watch");
        assertThat(Files.exists(video)).isTrue();
    }
}
