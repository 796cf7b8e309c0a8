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
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Teaching the app your handwriting, headless (TestFX on Monocle): a click on a digit's box, the
 * chooser, the sample it saves (or does not), and fine-tuning from the window.
 */
class TeachWindowTest {
    private static final long WAIT_SECONDS = 60;

    @TempDir
    static Path dir;
    static Path sheet;

    private DigitCamApp app;
    private final FxRobot robot = new FxRobot();

    @BeforeAll
    static void images() throws Exception {
        sheet = NumberSheet.write(dir.resolve("sheet-5283.png"), "5283");
        NativeLibraries.load(1);
        FxToolkit.registerPrimaryStage();
    }

    private void launch(Path data) throws Exception {
        DigitCamApp.configure(new AppSettings(sheet.toString(), dir.resolve("captures"), Path.of("models/digitcam-cnn.zip"),
                Path.of("models/digitcam-verifier.zip"), 1280, 720, 30, 0.8, 1, data, true));
        app = (DigitCamApp) FxToolkit.setupApplication(DigitCamApp::new);
        waitFor("5283 to be read", () -> text("#numbers").startsWith("5283"));
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
    }

    private String text(String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private void waitFor(String what, java.util.concurrent.Callable<Boolean> condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, condition);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out waiting for " + what + "; numbers '" + text("#numbers") + "', status '"
                    + text("#status") + "'");
        }
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
}
