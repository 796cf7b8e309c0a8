package io.digitcam.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.digitcam.samples.SampleCrop;
import io.digitcam.track.TrackedDigit;
import io.digitcam.vision.Box;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.geometry.Point2D;
import javafx.scene.input.KeyCode;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Teaching the app your handwriting, headless (TestFX on Monocle): a click on a digit's box, the
 * chooser, the sample it saves (or does not), and fine-tuning from the window.
 */
@org.junit.jupiter.api.Tag("slow")
class TeachWindowTest extends WindowTest {

    @TempDir
    static Path dir;
    static Path sheet;


    @BeforeAll
    static void images() throws Exception {
        sheet = NumberSheet.write(dir.resolve("sheet-5283.png"), "5283");
        startToolkit();
    }

    private void launch(Path data) throws Exception {
        launch(data, null);
    }

    private void launch(Path data, Tuning tuning) throws Exception {
        DigitCamApp.configure(new AppSettings(sheet.toString(), dir.resolve("captures"), Path.of("models/digitcam-cnn.zip"),
                Path.of("models/digitcam-verifier.zip"), 1280, 720, 30, 0.8, 1, data, true), tuning);
        app = (DigitCamApp) FxToolkit.setupApplication(DigitCamApp::new);
        waitFor("5283 to be read", () -> text("#numbers").startsWith("5283"));
    }

    /** Clicks the middle of the shown digit with this label, as the user would, and returns it. */
    private TrackedDigit clickDigit(int label) throws Exception {
        TrackedDigit digit = app.controller().shown().tracking().digits().stream().filter(d -> d.label() == label)
                .findFirst().orElseThrow();
        VideoView video = robot.lookup("#video").queryAs(VideoView.class);
        Point2D screen = WaitForAsyncUtils.asyncFx(() -> {
            ViewMapping m = video.mapping();
            Box b = digit.box();
            return video.localToScreen(m.viewX(b.x() + b.width() / 2.0), m.viewY(b.y() + b.height() / 2.0));
        }).get();
        robot.clickOn(screen);
        waitFor("the chooser", () -> app.controller().window().chooser() != null
                && app.controller().window().chooser().isShowing());
        return digit;
    }

    private static List<Path> files(Path folder) throws Exception {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(folder)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }

    @Test
    void choosingALabelSavesTheCropAsTheCameraSawItWithItsSidecar() throws Exception {
        Path data = dir.resolve("data-a");
        launch(data);
        TrackedDigit eight = clickDigit(8);
        assertThat(robot.lookup("#choose-8").queryButton().getStyle()).as("the current reading is highlighted")
                .isEqualTo(DigitChooser.CURRENT_STYLE);
        robot.clickOn("#choose-3");
        waitFor("the sample to be saved", () -> text("#status").startsWith("Saved"));
        assertThat(text("#status")).isEqualTo("Saved a 3 (1 sample of 3, 1 in all)");

        List<Path> saved = files(data.resolve("samples"));
        assertThat(saved).hasSize(2);
        Path png = saved.stream().filter(p -> p.toString().endsWith(".png")).findFirst().orElseThrow();
        Path json = saved.stream().filter(p -> p.toString().endsWith(".json")).findFirst().orElseThrow();
        assertThat(png.getParent().getFileName().toString()).isEqualTo("3");
        assertThat(png.getFileName().toString()).matches("\\d{4}-\\d\\d-\\d\\d_\\d\\d-\\d\\d-\\d\\d-\\d{3}-1\\.png");
        assertThat(json.getFileName().toString()).isEqualTo(png.getFileName().toString().replace(".png", ".json"));

        JsonNode m = new ObjectMapper().readTree(json.toFile());
        assertThat(m.get("label").asText()).isEqualTo("3");
        assertThat(m.get("image").asText()).isEqualTo(png.getFileName().toString());
        assertThat(m.get("reading").get("label").asInt()).isEqualTo(8);
        assertThat(m.get("reading").get("confidence").asDouble()).isBetween(0.5, 1.0);
        assertThat(m.get("model").get("file").asText()).isEqualTo("digitcam-cnn.zip");
        assertThat(m.get("model").get("sha256").asText()).hasSize(64);
        assertThat(m.get("source").asText()).contains("sheet-5283.png");
        Box box = new Box(m.get("box").get(0).asInt(), m.get("box").get(1).asInt(), m.get("box").get(2).asInt(),
                m.get("box").get(3).asInt());
        assertThat(box.intersection(eight.box())).as("the box clicked").isPositive();

        // The raw crop: the box plus a quarter of it on each side, pixel for pixel from the frame.
        Box region = SampleCrop.region(box, 960, 540);
        assertThat(region.width()).isEqualTo(box.width() + 2 * Math.round(box.width() * 0.25f));
        BufferedImage crop = ImageIO.read(png.toFile());
        assertThat(crop.getWidth()).isEqualTo(region.width());
        assertThat(crop.getHeight()).isEqualTo(region.height());
        BufferedImage frame = ImageIO.read(sheet.toFile());
        assertThat(crop.getRGB(crop.getWidth() / 2, crop.getHeight() / 2))
                .isEqualTo(frame.getRGB(region.x() + crop.getWidth() / 2, region.y() + crop.getHeight() / 2));
        assertThat(crop.getRGB(0, 0)).isEqualTo(frame.getRGB(region.x(), region.y()));

        // Confirming a right reading stores it too, and the counts add up.
        clickDigit(5);
        robot.clickOn("#choose-5");
        waitFor("the second sample", () -> text("#status").startsWith("Saved a 5"));
        assertThat(text("#status")).isEqualTo("Saved a 5 (1 sample of 5, 2 in all)");
        assertThat(text("#numbers")).as("the live view goes on").startsWith("5283");
    }

    @Test
    void escapeClosesTheChooserAndNothingIsWritten() throws Exception {
        Path data = dir.resolve("data-b");
        launch(data);
        clickDigit(2);
        robot.type(KeyCode.ESCAPE);
        waitFor("the chooser to close", () -> !app.controller().window().chooser().isShowing());
        waitFor("the status", () -> text("#status").equals("Not saved"));
        assertThat(files(data)).isEmpty();
    }

    @Test
    void anUnwritableDataFolderIsAStatusMessage() throws Exception {
        Path data = Files.writeString(dir.resolve("data-is-a-file"), "in the way");
        launch(data);
        clickDigit(2);
        robot.clickOn("#choose-not-a-digit");
        waitFor("the failure", () -> text("#status").startsWith("Sample not saved"));
        assertThat(text("#status")).contains("data-is-a-file").doesNotContain("Exception");
        assertThat(Files.readString(data)).isEqualTo("in the way");
        assertThat(text("#numbers")).startsWith("5283");
    }

    /** A data folder holding one sample, so Learn is enabled. */
    private static Path dataWithASample(String name) throws Exception {
        Path data = dir.resolve(name);
        Files.createDirectories(data.resolve("samples/5"));
        Files.copy(sheet, data.resolve("samples/5/2026-12-07_10-00-00-000-1.png"));
        return data;
    }

    /** Stands in for the trainer: reports progress, waits to be let go (or cancelled), then keeps the shipped model as "tuned". */
    private static final class FakeTuning implements Tuning {
        final java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        volatile String thread;
        volatile Path base;

        @Override
        public Outcome tune(Path samples, Path baseModel, Path out, Progress progress,
                            java.util.function.BooleanSupplier cancelled) throws Exception {
            thread = Thread.currentThread().getName();
            base = baseModel;
            progress.report(0.4, "tuning: epoch 5 of 12");
            while (!release.await(20, TimeUnit.MILLISECONDS)) {
                if (cancelled.getAsBoolean()) {
                    return new Outcome(false, true, "cancelled", 0.8, Double.NaN, 0.99, Double.NaN, null);
                }
            }
            Files.createDirectories(out.getParent());
            Files.copy(baseModel, out);
            Files.writeString(out.resolveSibling("my-handwriting.metrics.json"), "{}");
            return new Outcome(true, false, "better on your held-out samples", 0.75, 1.0, 0.9931, 0.9952, out);
        }
    }

    private javafx.scene.control.Button button(String id) {
        return robot.lookup(id).queryButton();
    }

    @Test
    void learnShowsProgressThenSwapsTheTunedModelInAndResetGoesBack() throws Exception {
        Path data = dataWithASample("data-learn");
        FakeTuning fake = new FakeTuning();
        launch(data, fake);
        waitFor("the shipped model", () -> text("#model").equals("model digitcam-cnn.zip"));
        waitFor("Learn to be enabled", () -> app.controller().window().canLearn());
        assertThat(app.controller().window().canReset()).as("nothing to reset").isFalse();
        var before = app.controller().shown();

        robot.clickOn("#learn");
        waitFor("the progress", () -> text("#teach-message").equals("tuning: epoch 5 of 12"));
        assertThat(robot.lookup("#teach-progress").queryAs(javafx.scene.control.ProgressBar.class).getProgress())
                .isEqualTo(0.4);
        assertThat(app.controller().window().canLearn()).as("one run at a time").isFalse();
        assertThat(fake.thread).isEqualTo("digitcam-tuning");
        assertThat(fake.base).isEqualTo(Path.of("models/digitcam-cnn.zip"));

        fake.release.countDown();
        waitFor("the swap", () -> text("#model").equals("model my-handwriting.zip"));
        waitFor("the summary", () -> text("#teach-message").startsWith("New model kept"));
        assertThat(text("#teach-message")).contains("75.0% → 100.0%").contains("99.31% → 99.52%");
        waitFor("the status", () -> text("#status").equals("Now reading with your fine-tuned model"));
        assertThat(app.controller().model()).isEqualTo(data.resolve("models/my-handwriting.zip"));
        // Readings go on with the new classifier: new frames, read by the worker with it.
        var swapped = app.controller().shown();
        waitFor("frames after the swap", () -> app.controller().shown() != swapped
                && app.controller().shown().frame().sequence() != before.frame().sequence()
                && app.controller().shown().recognition() != null);
        waitFor("5283 read again", () -> text("#numbers").startsWith("5283"));

        waitFor("Reset to be enabled", () -> app.controller().window().canReset());
        robot.clickOn("#learn .arrow-button");
        robot.clickOn("Reset to the shipped model");
        waitFor("the shipped model again", () -> text("#model").equals("model digitcam-cnn.zip"));
        waitFor("the reset message", () -> text("#status").startsWith("Back to the shipped model"));
        assertThat(data.resolve("models/my-handwriting.zip")).doesNotExist();
        assertThat(data.resolve("models/my-handwriting.previous.zip")).exists();
        assertThat(data.resolve("models/my-handwriting.previous.metrics.json")).exists();
        assertThat(data.resolve("samples/5/2026-12-07_10-00-00-000-1.png")).as("samples kept").exists();
        waitFor("5283 read again", () -> text("#numbers").startsWith("5283"));
    }

    @Test
    void cancelStopsTheRunAndKeepsTheModelInUse() throws Exception {
        Path data = dataWithASample("data-cancel");
        launch(data, new FakeTuning());
        waitFor("Learn to be enabled", () -> app.controller().window().canLearn());
        robot.clickOn("#learn");
        waitFor("the progress", () -> text("#teach-message").startsWith("tuning"));
        robot.clickOn("#teach-cancel");
        waitFor("the run to stop", () -> text("#teach-message").startsWith("Learning cancelled"));
        assertThat(text("#model")).isEqualTo("model digitcam-cnn.zip");
        assertThat(data.resolve("models")).doesNotExist();
        assertThat(app.controller().window().canLearn()).as("can run again").isTrue();
        robot.clickOn("#teach-close");
        assertThat(robot.lookup("#teach-panel").tryQuery()).isEmpty();
    }

    @Test
    void aStartWithAFineTunedModelInTheDataFolderUsesIt() throws Exception {
        Path data = dataWithASample("data-start");
        Files.createDirectories(data.resolve("models"));
        Files.copy(Path.of("models/digitcam-cnn.zip"), data.resolve("models/my-handwriting.zip"));
        launch(data);
        waitFor("the fine-tuned model", () -> text("#model").equals("model my-handwriting.zip"));
        assertThat(app.controller().window().canReset()).isTrue();
    }
}
