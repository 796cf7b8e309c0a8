package io.digitcam.app;

import io.digitcam.live.LiveReading;
import io.digitcam.live.LiveResult;
import io.digitcam.source.CameraInfo;
import io.digitcam.source.Cameras;
import io.digitcam.source.ImageFiles;
import java.io.File;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;

/**
 * The window: a tool bar (source, Open, Pause, Capture, threshold, Debug), the video with its
 * overlay, the debug views beside it, and a status bar. It only displays and forwards clicks;
 * everything else happens in {@link LiveController} and the pipeline's threads.
 */
final class MainWindow {
    private static final String DEMO = "Demo";
    private static final String OPEN_ITEM = "Open file…";

    private final Stage stage;
    private final VideoView video = new VideoView();
    {
        video.setId("video");
    }
    private final ComboBox<String> sources = new ComboBox<>();
    private final ToggleButton pause = new ToggleButton("Pause");
    private final Button capture = new Button("Capture");
    private final Slider threshold = new Slider(0.5, 0.99, 0.8);
    private final Label thresholdValue = new Label();
    private final ToggleButton debug = new ToggleButton("Debug");
    private final Label numbers = new Label("—");
    private final Label stats = new Label();
    private final Label status = new Label();
    private final Label modelName = new Label();
    // Reset is the split button's menu item: the tool bar has no room for another button at 1100 px.
    private final javafx.scene.control.SplitMenuButton learn = new javafx.scene.control.SplitMenuButton();
    private final javafx.scene.control.MenuItem reset = new javafx.scene.control.MenuItem("Reset to the shipped model");
    private final Label teachMessage = new Label();
    private final javafx.scene.control.ProgressBar teachProgress = new javafx.scene.control.ProgressBar(0);
    private final Button teachCancel = new Button("Cancel");
    private final Button teachClose = new Button("Close");
    private final HBox teachPanel;
    private int sampleCount;
    private boolean learnable;
    private boolean personalModel;
    private final ImageView mask = new ImageView();
    private final ImageView crops = new ImageView();
    private final VBox debugPane;
    private final List<String> sourceSpecs = new ArrayList<>();
    /** The cameras last found; looked for off the UI thread (elsewhere than Linux it means opening each). */
    private List<CameraInfo> cameras = List.of();
    private LiveController controller;
    private DigitChooser chooser;
    private String sourceDescription = "";
    private boolean updatingSources;
    private String modelProblem;
    private java.util.function.Consumer<LiveResult> shownListener = r -> { };

    MainWindow(Stage stage) {
        this.stage = stage;
        sources.setId("sources");
        pause.setId("pause");
        capture.setId("capture");
        threshold.setId("threshold");
        debug.setId("debug");
        numbers.setId("numbers");
        stats.setId("stats");
        status.setId("status");
        modelName.setId("model");
        learn.setId("learn");
        learn.setText("Learn my handwriting");
        learn.getItems().add(reset);
        reset.setId("reset-model");
        teachMessage.setId("teach-message");
        teachProgress.setId("teach-progress");
        teachCancel.setId("teach-cancel");
        teachClose.setId("teach-close");
        learn.setDisable(true);
        reset.setDisable(true);
        learn.setTooltip(new javafx.scene.control.Tooltip(
                "Fine-tune the classifier on the digits you labelled (click a digit's box to label it)"));
        learn.setOnAction(e -> {
            if (learnable) {
                controller.learn();
            } else {
                status("Nothing to learn from yet: click a digit's box to label it");
            }
        });
        reset.setOnAction(e -> controller.resetModel());
        teachCancel.setOnAction(e -> {
            controller.cancelLearning();
            teachCancel.setDisable(true);
            teachMessage.setText("Cancelling…");
        });
        teachClose.setOnAction(e -> showTeachPanel(false));
        teachProgress.setPrefWidth(260);
        teachMessage.setMaxWidth(Double.MAX_VALUE);
        teachMessage.setMinWidth(0);
        HBox.setHgrow(teachMessage, Priority.ALWAYS);
        Label teachTitle = new Label("Learning your handwriting");
        teachTitle.setStyle("-fx-font-weight: bold;");
        for (var r : List.<Region>of(teachTitle, teachCancel, teachClose)) {
            r.setMinWidth(Region.USE_PREF_SIZE);
        }
        teachPanel = new HBox(10, teachTitle, teachProgress, teachMessage, teachCancel, teachClose);
        teachPanel.setId("teach-panel");
        teachPanel.setAlignment(Pos.CENTER_LEFT);
        teachPanel.setPadding(new Insets(6, 10, 6, 10));
        teachPanel.setStyle("-fx-background-color: #e8f0fb; -fx-border-color: #b5c8e6; -fx-border-width: 0 0 1 0;");

        Button open = new Button("Open…");
        open.setId("open");
        open.setOnAction(e -> chooseFile());
        capture.setOnAction(e -> capture());
        pause.setOnAction(e -> controller.setPaused(pause.isSelected()));
        debug.setOnAction(e -> showDebug(debug.isSelected()));
        threshold.setPrefWidth(140);
        threshold.valueProperty().addListener((o, a, b) -> {
            thresholdValue.setText(String.format("%.2f", b.doubleValue()));
            if (controller != null) {
                controller.setMinConfidence(b.doubleValue());
            }
        });
        sources.setPrefWidth(210);
        sources.setOnAction(e -> sourcePicked());
        sources.setOnShowing(e -> findCameras());
        for (var c : List.of(sources, pause, capture, threshold, debug, open, learn)) {
            c.setFocusTraversable(false);
        }
        ToolBar bar = new ToolBar(new Label("Source"), sources, open, new Separator(), pause, capture,
                new Separator(), new Label("Min. confidence"), threshold, thresholdValue, new Separator(), debug,
                new Separator(), learn);

        mask.setPreserveRatio(true);
        mask.setFitWidth(300);
        crops.setPreserveRatio(true);
        crops.setFitWidth(300);
        debugPane = new VBox(8, caption("Ink mask"), mask, caption("Normalised 28×28 crops"), crops);
        debugPane.setPadding(new Insets(8));
        debugPane.setStyle("-fx-background-color: #2b2b2b;");
        debugPane.setPrefWidth(316);

        numbers.setStyle("-fx-font-size: 20px; -fx-font-weight: bold;");
        numbers.setMinWidth(Region.USE_PREF_SIZE);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        status.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(status, Priority.SOMETIMES);
        // Two lines: what was read and what happened, then the model and the rates, which would
        // otherwise squeeze the messages to an ellipsis at the default width.
        Label read = new Label("Read:");
        read.setMinWidth(Region.USE_PREF_SIZE);
        HBox firstLine = new HBox(16, read, numbers, status);
        firstLine.setAlignment(Pos.CENTER_LEFT);
        modelName.setMinWidth(Region.USE_PREF_SIZE);
        modelName.setStyle("-fx-text-fill: #555;");
        stats.setStyle("-fx-text-fill: #555;");
        HBox secondLine = new HBox(16, spacer, modelName, stats);
        secondLine.setAlignment(Pos.CENTER_LEFT);
        VBox statusBar = new VBox(2, firstLine, secondLine);
        statusBar.setPadding(new Insets(4, 10, 4, 10));

        BorderPane root = new BorderPane(video);
        root.setTop(new VBox(bar));
        root.setBottom(statusBar);
        Scene scene = new Scene(root, 1100, 720);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.SPACE), this::capture);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN), this::chooseFile);
        scene.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        scene.setOnDragDropped(e -> {
            List<File> files = e.getDragboard().getFiles();
            if (!files.isEmpty()) {
                controller.open(files.get(0).toPath());
            }
            e.setDropCompleted(!files.isEmpty());
            e.consume();
        });
        stage.setTitle("DigitCam");
        stage.setScene(scene);
    }

    void attach(LiveController controller) {
        this.controller = controller;
        video.onDigitClicked(this::digitClicked);
        threshold.setValue(controller.minConfidence());
        thresholdValue.setText(String.format("%.2f", controller.minConfidence()));
        listSources(null, null);
        findCameras();
    }

    /** Looks for cameras on a thread of its own and lists them when found (a camera plugged in later too). */
    private void findCameras() {
        Thread t = new Thread(() -> {
            List<CameraInfo> found = Cameras.list();
            javafx.application.Platform.runLater(() -> {
                if (!found.equals(cameras)) {
                    cameras = found;
                    listSources(currentSpec(), sources.getValue());
                }
            });
        }, "digitcam-cameras");
        t.setDaemon(true);
        t.start();
    }

    private static Label caption(String text) {
        Label l = new Label(text);
        l.setStyle("-fx-text-fill: #dddddd;");
        return l;
    }

    /** The picker: every camera found, the demo, the current file if any, and "Open file…". */
    private void listSources(String currentSpec, String currentLabel) {
        updatingSources = true;
        List<String> labels = new ArrayList<>();
        sourceSpecs.clear();
        for (CameraInfo c : cameras) {
            labels.add("Camera " + c.index() + ": " + c.name());
            sourceSpecs.add("camera:" + c.index());
        }
        labels.add(DEMO);
        sourceSpecs.add("demo");
        int selected = sourceSpecs.indexOf(currentSpec);
        if (currentSpec != null && selected < 0) {
            labels.add(currentLabel);
            sourceSpecs.add(currentSpec);
            selected = labels.size() - 1;
        }
        labels.add(OPEN_ITEM);
        sourceSpecs.add(null);
        sources.setItems(FXCollections.observableArrayList(labels));
        if (selected >= 0) {
            sources.getSelectionModel().select(selected);
        }
        updatingSources = false;
    }

    private void sourcePicked() {
        if (updatingSources) {
            return;
        }
        int i = sources.getSelectionModel().getSelectedIndex();
        if (i < 0) {
            return;
        }
        String spec = sourceSpecs.get(i);
        if (spec == null) {
            chooseFile();
        } else {
            controller.play(spec);
        }
    }

    private void chooseFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open an image or a video");
        List<String> patterns = new ArrayList<>();
        ImageFiles.EXTENSIONS.forEach(e -> patterns.add("*." + e));
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Images", patterns),
                new FileChooser.ExtensionFilter("Videos", "*.mp4", "*.avi", "*.mkv", "*.mov", "*.webm"),
                new FileChooser.ExtensionFilter("All files", "*"));
        File file = chooser.showOpenDialog(stage);
        if (file != null) {
            controller.open(file.toPath());
        } else {
            listSources(currentSpec(), sources.getValue());
        }
    }

    private String currentSpec() {
        int i = sources.getSelectionModel().getSelectedIndex();
        return i >= 0 && i < sourceSpecs.size() ? sourceSpecs.get(i) : null;
    }

    private void capture() {
        controller.capture(this::status);
    }

    /**
     * A click on a digit's box: the chooser, over the frame that was clicked (held still while it
     * is open). The sample is cut from that frame, whatever the camera shows by then.
     */
    private void digitClicked(LiveResult result, io.digitcam.track.TrackedDigit digit, double screenX, double screenY) {
        if (chooser != null && chooser.isShowing()) {
            chooser.hide();
        }
        controller.setPaused(true);
        Runnable resume = () -> controller.setPaused(pause.isSelected());
        chooser = new DigitChooser(digit.label(), label -> {
            resume.run();
            controller.saveSample(result, digit, label, this::status);
        }, () -> {
            resume.run();
            status("Not saved");
        });
        chooser.show(stage, screenX, screenY);
    }

    DigitChooser chooser() {
        return chooser;
    }

    private void showDebug(boolean on) {
        controller.setDebug(on);
        ((BorderPane) stage.getScene().getRoot()).setRight(on ? debugPane : null);
    }

    private void showTeachPanel(boolean on) {
        VBox top = (VBox) ((BorderPane) stage.getScene().getRoot()).getTop();
        if (on && !top.getChildren().contains(teachPanel)) {
            top.getChildren().add(teachPanel);
        } else if (!on) {
            top.getChildren().remove(teachPanel);
        }
    }

    private void updateTeachButtons() {
        boolean running = controller != null && controller.learning();
        // The split button stays enabled while there is something to reset, even without samples.
        learnable = !running && sampleCount > 0;
        learn.setDisable(!learnable && (running || !personalModel));
        reset.setDisable(running || !personalModel);
    }

    // ---------------------------------------------------------------- called by the controller

    boolean canLearn() {
        return learnable;
    }

    boolean canReset() {
        return !reset.isDisable();
    }

    void samplesChanged(int total) {
        sampleCount = total;
        learn.setText(total == 0 ? "Learn my handwriting" : "Learn my handwriting (" + total + ")");
        updateTeachButtons();
    }

    /** The classifier in use changed (loaded, fine-tuned, reset). */
    void modelChanged(String name, boolean personal) {
        personalModel = personal;
        modelName.setText("model " + name);
        updateTeachButtons();
    }

    void tuningStarted() {
        teachProgress.setProgress(0);
        teachMessage.setText("starting…");
        teachCancel.setDisable(false);
        for (var n : List.of(teachCancel, teachProgress)) {
            n.setVisible(true);
            n.setManaged(true);
        }
        showTeachPanel(true);
        updateTeachButtons();
        status("Learning your handwriting…");
    }

    void tuningProgress(double fraction, String message) {
        teachProgress.setProgress(fraction);
        teachMessage.setText(message);
    }

    /** {@code summary} for the panel (may be two lines), {@code headline} for the status bar. */
    void tuningDone(String summary, String headline, boolean kept) {
        teachProgress.setProgress(1);
        // The bar and Cancel make room for the result.
        teachProgress.setVisible(false);
        teachProgress.setManaged(false);
        teachCancel.setVisible(false);
        teachCancel.setManaged(false);
        teachMessage.setText(summary);
        updateTeachButtons();
        status(kept ? "Now reading with your fine-tuned model" : headline);
    }

    void sourceChanged(String spec, String description) {
        sourceDescription = description;
        Path file = spec.equals("demo") || spec.startsWith("camera") ? null : Path.of(spec).getFileName();
        String label = spec.equals("demo") ? DEMO : file == null ? spec : file.toString();
        listSources(spec, label);
        status("Source: " + description);
    }

    String sourceDescription() {
        return sourceDescription;
    }

    void show(LiveResult r, double cameraFps) {
        video.show(r, 0.9);
        numbers.setText(r.reading() == null ? "—"
                : r.tracking().numbers().isEmpty() ? "no digits" : String.join("  ", r.tracking().numbers())
                + (r.tracking().read().isEmpty() ? "" : "  ✓"));
        stats.setText(String.format("%s · %d×%d · camera %.0f fps · processing %.0f fps · latency %.0f ms",
                sourceDescription, r.frame().width(), r.frame().height(), cameraFps, r.processingFps(),
                r.latencyMillis()));
        if (r.debug() != null && debug.isSelected()) {
            LiveReading.DebugView d = r.debug();
            mask.setImage(image(d.maskWidth(), d.maskHeight(), d.mask()));
            crops.setImage(image(d.cropsWidth(), d.cropsHeight(), d.crops()));
        }
        shownListener.accept(r);
    }

    /** Told of every result the view has been given (the startup bench watches for the first digits). */
    void onShown(java.util.function.Consumer<LiveResult> listener) {
        shownListener = listener;
    }

    private static WritableImage image(int w, int h, byte[] bgra) {
        WritableImage img = new WritableImage(w, h);
        img.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getByteBgraPreInstance(), ByteBuffer.wrap(bgra), w * 4);
        return img;
    }

    void status(String text) {
        status.setText(text);
    }

    /** A problem the user must see: on the video and in the status bar. */
    void problem(String text) {
        status(text);
        message(text);
    }

    /** A notice over the video; null clears it, back to the model problem if there is one. */
    void message(String text) {
        video.message(text != null ? text : modelProblem);
    }

    /** The model could not be loaded: stays on screen whatever the source does. */
    void modelProblem(String text) {
        modelProblem = text;
        problem(text);
    }

    String messageText() {
        return video.messageText();
    }
}
