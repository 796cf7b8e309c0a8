package io.digitcam.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.digitcam.live.LiveResult;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import javafx.application.Platform;
import javafx.event.Event;
import javafx.scene.Scene;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.KeyCode;
import javafx.scene.input.TransferMode;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

/**
 * Drives the real window headless (TestFX on Monocle): what the user sees for a known image,
 * Capture, Open, a dropped file, and the fallback when there is no camera.
 */
@org.junit.jupiter.api.Tag("slow")
class AppWindowTest extends WindowTest {

    @TempDir
    static Path dir;
    static Path sheet5283;
    static Path sheet907;


    @BeforeAll
    static void images() throws Exception {
        sheet5283 = NumberSheet.write(dir.resolve("sheet-5283.png"), "5283");
        sheet907 = NumberSheet.write(dir.resolve("sheet-907.png"), "907");
        startToolkit();
    }

    private void launch(String source, Path captures) throws Exception {
        launch(source, captures, Path.of("models/digitcam-cnn.zip"));
    }

    private void launch(String source, Path captures, Path model) throws Exception {
        DigitCamApp.configure(new AppSettings(source, captures, model, Path.of("models/digitcam-verifier.zip"), 1280, 720, 30, 0.8, 1));
        app = (DigitCamApp) FxToolkit.setupApplication(DigitCamApp::new);
    }

    @Test
    void theOverlayShowsTheDigitsOfAnImage() throws Exception {
        launch(sheet5283.toString(), dir.resolve("captures-a"));
        waitFor("5283 to be read", () -> text("#numbers").startsWith("5283"));
        LiveResult shown = app.controller().shown();
        assertThat(shown.tracking().digits()).extracting(d -> d.label()).containsExactly(5, 2, 8, 3);
        assertThat(shown.tracking().digits()).allSatisfy(d -> assertThat(d.box().y()).isBetween(150, 300));
        waitFor("the number to hold still and count as read", () -> text("#numbers").endsWith("✓"));
        assertThat(text("#stats")).contains("960×540").contains("processing").contains("latency");
    }

    @Test
    void captureWritesTheFrameTheAnnotatedFrameAndMatchingJson() throws Exception {
        Path captures = dir.resolve("captures-b");
        launch(sheet5283.toString(), captures);
        waitFor("5283 to be read", () -> text("#numbers").startsWith("5283"));
        LiveResult shown = app.controller().shown();
        robot.type(KeyCode.SPACE);
        waitFor("the capture to be saved", () -> text("#status").startsWith("Saved"));
        List<Path> files;
        try (Stream<Path> s = Files.list(captures)) {
            files = s.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        }
        assertThat(files).hasSize(3);
        Path json = files.stream().filter(p -> p.toString().endsWith(".json")).findFirst().orElseThrow();
        Path raw = files.stream().filter(p -> p.toString().endsWith(".png") && !p.toString().endsWith("-annotated.png"))
                .findFirst().orElseThrow();
        assertThat(files).anyMatch(p -> p.toString().endsWith("-annotated.png"));
        assertThat(text("#status")).contains(raw.getFileName().toString());

        JsonNode m = new ObjectMapper().readTree(json.toFile());
        assertThat(m.get("image").asText()).isEqualTo(raw.getFileName().toString());
        assertThat(m.get("numbers").get(0).asText()).isEqualTo("5283");
        assertThat(m.get("digits")).hasSize(4);
        assertThat(m.get("model").get("file").asText()).isEqualTo("digitcam-cnn.zip");
        assertThat(m.has("time")).isTrue();

        // What `digitcam predict` would say of the saved PNG: the same digits as the sidecar.
        io.digitcam.recognize.Recognizer predict = io.digitcam.recognize.Recognizer.load(
                Path.of("models/digitcam-cnn.zip"), Path.of("models/digitcam-verifier.zip"),
                io.digitcam.recognize.RecognitionSettings.DEFAULT);
        try (var image = io.digitcam.source.ImageFiles.read(raw)) {
            io.digitcam.recognize.Recognition again = predict.recognize(image);
            assertThat(again.numbers()).containsExactly("5283");
            assertThat(again.digits()).hasSize(m.get("digits").size());
            for (int i = 0; i < again.digits().size(); i++) {
                assertThat(again.digits().get(i).label()).isEqualTo(m.get("digits").get(i).get("label").asInt());
            }
        }

        BufferedImage png = ImageIO.read(raw.toFile());
        assertThat(png.getWidth()).isEqualTo(960);
        BufferedImage bgr = new BufferedImage(png.getWidth(), png.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
        bgr.getGraphics().drawImage(png, 0, 0, null);
        assertThat(((DataBufferByte) bgr.getRaster().getDataBuffer()).getData()).isEqualTo(shown.frame().bgr());
    }

    @Test
    void openShowsAnotherImagesDigits() throws Exception {
        launch(sheet5283.toString(), dir.resolve("captures-c"));
        waitFor("5283 to be read", () -> text("#numbers").startsWith("5283"));
        Platform.runLater(() -> app.controller().open(sheet907));
        waitFor("907 to be read", () -> text("#numbers").startsWith("907"));
        assertThat(app.controller().shown().tracking().digits()).hasSize(3);
    }

    @Test
    void droppingAFileOnTheWindowOpensIt() throws Exception {
        launch(sheet5283.toString(), dir.resolve("captures-dnd"));
        waitFor("5283 to be read", () -> text("#numbers").startsWith("5283"));
        Scene scene = robot.lookup("#numbers").query().getScene();
        AtomicBoolean accepted = new AtomicBoolean();
        Platform.runLater(() -> {
            Dragboard files = FakeDragboard.holding(List.of(sheet907.toFile()));
            DragEvent over = new DragEvent(
                    DragEvent.DRAG_OVER, files, 100, 100, 100, 100,
                    TransferMode.COPY, null, null, null);
            scene.getOnDragOver().handle(over);
            accepted.set(over.getAcceptedTransferMode() == TransferMode.COPY);
            Event.fireEvent(scene, new DragEvent(
                    DragEvent.DRAG_DROPPED, files, 100, 100, 100, 100,
                    TransferMode.COPY, null, null, null));
        });
        waitFor("907 to be read", () -> text("#numbers").startsWith("907"));
        assertThat(accepted.get()).as("a drag with files is accepted").isTrue();
    }

    @Test
    void openingAnUnreadableFileIsAMessageAndTheAppGoesOn() throws Exception {
        launch(sheet5283.toString(), dir.resolve("captures-d"));
        waitFor("5283 to be read", () -> text("#numbers").startsWith("5283"));
        Path junk = Files.writeString(dir.resolve("junk.png"), "not an image");
        Platform.runLater(() -> app.controller().open(junk));
        waitFor("a message naming the file", () -> app.controller().window().messageText().contains("junk.png"));
        Platform.runLater(() -> app.controller().open(sheet907));
        waitFor("907 to be read", () -> text("#numbers").startsWith("907"));
    }

    @Test
    void aMissingCameraFallsBackToTheDemoWithAVisibleMessage() throws Exception {
        launch("camera:7", dir.resolve("captures-e"));
        waitFor("the no-camera message", () -> app.controller().window().messageText().startsWith("No camera"));
        waitFor("demo frames", () -> app.controller().shown() != null);
        assertThat(app.controller().window().sourceDescription()).containsIgnoringCase("demo");
        waitFor("the demo's digits to be read", () -> !app.controller().shown().tracking().digits().isEmpty());
    }

    @Test
    void aBrokenModelIsShownInTheWindowAndTheVideoStillRuns() throws Exception {
        Path broken = Files.writeString(dir.resolve("broken.zip"), "not a model");
        launch(sheet5283.toString(), dir.resolve("captures-f"), broken);
        waitFor("the model error", () -> app.controller().window().messageText().contains("broken.zip"));
        assertThat(app.controller().window().messageText()).contains("not a DL4J model").doesNotContain("Exception");
        waitFor("video frames", () -> app.controller().shown() != null);
        assertThat(app.controller().shown().recognition()).isNull();
        robot.type(KeyCode.SPACE);
        waitFor("capture refused", () -> text("#status").contains("no model"));
    }
}
