package io.digitcam.app;

import io.digitcam.capture.Capture;
import io.digitcam.capture.CaptureContext;
import io.digitcam.capture.CaptureException;
import io.digitcam.capture.CaptureWriter;
import io.digitcam.live.LivePipeline;
import io.digitcam.live.ReadingPipeline;
import io.digitcam.live.LiveResult;
import io.digitcam.live.SourceStatus;
import io.digitcam.model.ModelLoadException;
import io.digitcam.recognize.RecognitionSettings;
import io.digitcam.recognize.Recognizer;
import io.digitcam.source.CameraSpec;
import io.digitcam.source.FrameSource;
import io.digitcam.source.Sources;
import io.digitcam.track.TrackerSettings;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * Connects the window to the pipeline: loads the model off the UI thread, chooses and swaps
 * sources (falling back to the demo when there is no camera), passes results to the view at
 * most once per UI pulse, and saves captures on a background thread.
 */
final class LiveController implements AutoCloseable {
    private final AppSettings settings;
    private final MainWindow window;
    private final LivePipeline pipeline;
    private final CaptureWriter captures;
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "digitcam-background");
        t.setDaemon(true);
        return t;
    });
    private final AtomicReference<LiveResult> pending = new AtomicReference<>();
    private volatile LiveResult shown;
    private volatile String sourceSpec;
    private volatile String modelSha256;
    private volatile double minConfidence;
    // Why the app is not showing what was asked for (no camera → demo); stays until the user picks a source.
    private String notice;

    private final java.util.concurrent.CompletableFuture<ModelPreload.Models> preloaded;

    /** {@code preloaded}: the models already being loaded, or null to load them here. */
    LiveController(AppSettings settings, MainWindow window,
                   java.util.concurrent.CompletableFuture<ModelPreload.Models> preloaded) {
        this.settings = settings;
        this.preloaded = preloaded;
        this.window = window;
        this.minConfidence = settings.minConfidence();
        this.captures = new CaptureWriter(settings.captures());
        this.pipeline = new LivePipeline(null, this::onResult, status -> Platform.runLater(() -> onStatus(status)));
    }

    /** Loads the model in the background and starts the configured source. */
    void start() {
        window.status("Loading model " + settings.model().getFileName() + " …");
        background.submit(this::loadModel);
        play(settings.source());
    }

    private void loadModel() {
        try {
            ModelPreload.Models models = preloaded != null ? ModelPreload.await(preloaded) : ModelPreload.load(settings);
            ReadingPipeline reading = new ReadingPipeline(Recognizer.create(models.classifier(), models.verifier(),
                    RecognitionSettings.DEFAULT.withMinConfidence(minConfidence)), TrackerSettings.DEFAULT);
            modelSha256 = models.modelSha256();
            pipeline.worker().setPipeline(reading);
            Platform.runLater(() -> window.status("Model " + settings.model().getFileName() + " loaded"));
        } catch (ModelLoadException e) {
            Platform.runLater(() -> window.modelProblem("Cannot read digits: " + e.getMessage()));
        } catch (Exception e) {
            Platform.runLater(() -> window.modelProblem("Cannot read digits: " + settings.model() + ": " + e.getMessage()));
        }
    }

    /** Switches to a source given as on the command line: camera[:N|:NAME], demo or a file. */
    void play(String spec) {
        notice = null;
        FrameSource source;
        try {
            source = Sources.open(spec, cameraSpec());
        } catch (Exception e) {
            window.problem(e.getMessage());
            return;
        }
        sourceSpec = spec;
        window.sourceChanged(spec, source.description());
        window.message(null);
        CameraSpec camera = cameraSpec();
        pipeline.play(source, () -> Sources.open(spec, camera));
    }

    void open(Path file) {
        play(file.toString());
    }

    void setPaused(boolean paused) {
        pipeline.setPaused(paused);
    }

    void setDebug(boolean on) {
        pipeline.worker().setDebug(on);
    }

    void setMinConfidence(double value) {
        minConfidence = value;
        ReadingPipeline r = pipeline.worker().pipeline();
        if (r != null) {
            r.setMinConfidence(value);
        }
    }

    double minConfidence() {
        return minConfidence;
    }

    MainWindow window() {
        return window;
    }

    LiveResult shown() {
        return shown;
    }

    double cameraFps() {
        return pipeline.cameraFps();
    }

    /** Saves what is on screen now; {@code done} gets the message for the status bar. */
    void capture(Consumer<String> done) {
        LiveResult result = shown;
        if (result == null) {
            done.accept("Nothing to capture yet");
            return;
        }
        if (result.reading() == null) {
            done.accept("Nothing to capture: no model loaded");
            return;
        }
        Map<String, Object> recorded = new LinkedHashMap<>();
        recorded.put("minConfidence", minConfidence);
        recorded.put("threads", settings.threads());
        CaptureContext context = new CaptureContext(window.sourceDescription(), settings.model(), modelSha256,
                recorded, RecognitionSettings.DEFAULT.minConfidence());
        background.submit(() -> {
            String message;
            try {
                Capture c = captures.save(result.frame(), result.recognition(), context);
                message = "Saved " + c.image() + " (+ annotated PNG and JSON)";
            } catch (CaptureException e) {
                message = "Capture failed: " + e.getMessage();
            } catch (RuntimeException e) {
                message = "Capture failed: " + e;
            }
            String m = message;
            Platform.runLater(() -> done.accept(m));
        });
    }

    // Worker thread: keep only the newest result and schedule one UI update for it.
    private void onResult(LiveResult result) {
        if (pending.getAndSet(result) == null) {
            Platform.runLater(() -> {
                LiveResult r = pending.getAndSet(null);
                if (r != null) {
                    shown = r;
                    window.show(r, pipeline.cameraFps());
                }
            });
        }
    }

    private void onStatus(SourceStatus status) {
        switch (status.state()) {
            case RUNNING -> window.message(notice);
            case RETRYING -> {
                if (status.firstOpen() && isCamera(sourceSpec)) {
                    play("demo");
                    notice = "No camera: " + status.message().replaceAll(" — retrying.*", "")
                            + ". Showing the demo; choose a camera or open a file above.";
                    window.message(notice);
                    window.status(notice);
                } else {
                    window.message(status.message());
                }
            }
            case STOPPED, ENDED -> window.message(status.message());
        }
    }

    private static boolean isCamera(String spec) {
        return spec != null && (spec.equals("camera") || spec.startsWith("camera:"));
    }

    private CameraSpec cameraSpec() {
        return new CameraSpec(null, null, settings.width(), settings.height(), settings.fps());
    }

    @Override
    public void close() {
        pipeline.close();
        background.shutdownNow();
    }
}
