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
import io.digitcam.recognize.RecognizedDigit;
import io.digitcam.samples.SampleCrop;
import io.digitcam.samples.SampleException;
import io.digitcam.samples.SampleInfo;
import io.digitcam.samples.SampleLabel;
import io.digitcam.samples.SampleStore;
import io.digitcam.samples.SavedSample;
import io.digitcam.track.TrackedDigit;
import io.digitcam.vision.Box;
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
    private volatile Path model;
    private final SampleStore samples;
    private volatile io.digitcam.verify.DigitVerifier verifier;
    private final Tuning tuning;
    // Training takes a minute: its own thread, so samples and captures still save meanwhile, and behind the video
    // for the CPU, so the video stays live (learning takes longer instead).
    private final ExecutorService tuningThread = Executors.newSingleThreadExecutor(
            r -> io.digitcam.util.BackgroundPriority.thread("digitcam-tuning", r));
    private final java.util.concurrent.atomic.AtomicBoolean cancelTuning = new java.util.concurrent.atomic.AtomicBoolean();
    private final AtomicReference<double[]> tuningFraction = new AtomicReference<>();
    private volatile String tuningStep = "";
    private boolean tuningRunning;
    private volatile double minConfidence;
    // Why the app is not showing what was asked for (no camera → demo); stays until the user picks a source.
    private String notice;

    private final java.util.concurrent.CompletableFuture<ModelPreload.Models> preloaded;

    /** {@code preloaded}: the models already being loaded, or null to load them here. */
    LiveController(AppSettings settings, MainWindow window,
                   java.util.concurrent.CompletableFuture<ModelPreload.Models> preloaded) {
        this(settings, window, preloaded, new HandwritingTuning());
    }

    /** {@code tuning}: what Learn runs (tests pass a fake). */
    LiveController(AppSettings settings, MainWindow window,
                   java.util.concurrent.CompletableFuture<ModelPreload.Models> preloaded, Tuning tuning) {
        this.tuning = tuning;
        this.settings = settings;
        this.preloaded = preloaded;
        this.window = window;
        this.minConfidence = settings.minConfidence();
        this.captures = new CaptureWriter(settings.captures());
        this.samples = new SampleStore(settings.samples());
        this.pipeline = new LivePipeline(null, this::onResult, status -> Platform.runLater(() -> onStatus(status)));
    }

    /** Loads the model in the background and starts the configured source. */
    void start() {
        window.status("Loading model " + settings.startModel().getFileName() + " …");
        background.submit(this::loadModel);
        background.submit(this::countSamples);
        play(settings.source());
    }

    private void loadModel() {
        try {
            ModelPreload.Models models = preloaded != null ? ModelPreload.await(preloaded) : ModelPreload.load(settings);
            verifier = models.verifier();
            install(models.classifier(), models.model(), models.modelSha256());
            String note = models.note();
            Platform.runLater(() -> window.status(note != null ? note : "Model " + models.model().getFileName() + " loaded"));
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

    /**
     * Saves the digit the user labelled as a personal sample, cut from the frame it was clicked
     * on, on the background thread; {@code done} gets the message for the status bar.
     */
    void saveSample(LiveResult result, TrackedDigit digit, SampleLabel label, Consumer<String> done) {
        RecognizedDigit seen = sameDigit(result.recognition(), digit.box());
        Box box = seen != null ? seen.box() : digit.box();
        SampleInfo info = new SampleInfo(window.sourceDescription(), result.frame().sequence(), result.frame().width(),
                result.frame().height(), box, digit.label(), digit.confidence(), seen == null ? -1 : seen.label(),
                seen == null ? 0 : seen.confidence(), model, modelSha256);
        background.submit(() -> {
            String message;
            try {
                SavedSample saved = samples.save(SampleCrop.cut(result.frame(), box), label, info);
                message = saved.message();
                Platform.runLater(() -> window.samplesChanged(saved.total()));
            } catch (SampleException e) {
                message = "Sample not saved: " + e.getMessage();
            } catch (RuntimeException e) {
                message = "Sample not saved: " + e;
            }
            String m = message;
            Platform.runLater(() -> done.accept(m));
        });
    }

    private void countSamples() {
        int total = samples.total();
        Platform.runLater(() -> window.samplesChanged(total));
    }

    private boolean isPersonal(Path file) {
        return file.equals(settings.personalModelFile());
    }

    /**
     * Learn my handwriting: fine-tunes the classifier asked for (the shipped one unless
     * {@code --model}) on all the samples, on the tuning thread; if the result is kept it is
     * written to {@code <data>/models/my-handwriting.zip} and swapped into the live view.
     */
    void learn() {
        if (tuningRunning || verifier == null) {
            window.status(verifier == null ? "No model loaded to learn from" : "Already learning");
            return;
        }
        tuningRunning = true;
        cancelTuning.set(false);
        window.tuningStarted();
        tuningThread.submit(() -> {
            String failure = null;
            Tuning.Outcome outcome = null;
            try {
                outcome = tuning.tune(settings.samples(), settings.model(), settings.personalModelFile(),
                        this::tuningProgress, cancelTuning::get);
                if (outcome.kept()) {
                    tuningProgress(1, "loading the new model");
                    swapTo(outcome.model());
                }
            } catch (Exception e) {
                failure = e.getMessage() == null ? e.toString() : e.getMessage();
            }
            Tuning.Outcome o = outcome;
            String f = failure;
            Platform.runLater(() -> {
                tuningRunning = false;
                if (o != null) {
                    window.tuningDone(o.cancelled() ? o.headline() : o.headline() + "\n" + o.scores(), o.headline(), o.kept());
                } else {
                    window.tuningDone("Learning failed: " + f, "Learning failed: " + f, false);
                }
            });
        });
    }

    void cancelLearning() {
        cancelTuning.set(true);
    }

    boolean learning() {
        return tuningRunning;
    }

    // Tuning thread: keep the newest progress and schedule one UI update for it, as for results.
    private void tuningProgress(double fraction, String message) {
        tuningStep = message;
        if (tuningFraction.getAndSet(new double[] {fraction}) == null) {
            Platform.runLater(() -> {
                double[] f = tuningFraction.getAndSet(null);
                if (f != null) {
                    window.tuningProgress(f[0], tuningStep);
                }
            });
        }
    }

    /**
     * Back to the shipped (or {@code --model}) classifier: the fine-tuned model is renamed to
     * {@code my-handwriting.previous.zip} (so the choice can be undone by renaming it back) and the
     * samples stay. On the tuning thread, so it cannot cross a run.
     */
    void resetModel() {
        if (tuningRunning) {
            return;
        }
        tuningThread.submit(() -> {
            String message;
            try {
                Path personal = settings.personalModelFile();
                if (java.nio.file.Files.exists(personal)) {
                    java.nio.file.Files.move(personal, previous(personal), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    Path metrics = metrics(personal);
                    if (java.nio.file.Files.exists(metrics)) {
                        java.nio.file.Files.move(metrics, previous(metrics), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    }
                }
                swapTo(settings.model());
                message = "Back to the shipped model " + settings.model().getFileName() + "; your fine-tuned one is "
                        + previous(personal).getFileName() + ", your samples are kept";
            } catch (Exception e) {
                message = "Reset failed: " + (e.getMessage() == null ? e.toString() : e.getMessage());
            }
            String m = message;
            Platform.runLater(() -> window.status(m));
        });
    }

    private static Path metrics(Path model) {
        String name = model.getFileName().toString();
        return model.resolveSibling(name.substring(0, name.length() - ".zip".length()) + ".metrics.json");
    }

    private static Path previous(Path file) {
        String name = file.getFileName().toString();
        int dot = name.indexOf('.');
        return file.resolveSibling(name.substring(0, dot) + ".previous" + name.substring(dot));
    }

    /**
     * Loads {@code file} as a fresh classifier (one instance per thread that classifies: this one
     * has not classified yet, so the worker becomes its owner) with the verifier in use, and hands
     * the new reading pipeline (recognizer and a fresh tracker) to the worker, which takes it at its
     * next frame. Off the UI thread.
     */
    private void swapTo(Path file) throws Exception {
        install(io.digitcam.model.DigitClassifier.load(file, settings.threads()), file,
                io.digitcam.model.Checksums.sha256(file));
    }

    /** The worker reads with {@code classifier} and the verifier in use from its next frame on. */
    private void install(io.digitcam.model.DigitClassifier classifier, Path file, String sha) {
        ReadingPipeline reading = new ReadingPipeline(Recognizer.create(classifier, verifier,
                RecognitionSettings.DEFAULT.withMinConfidence(minConfidence)), TrackerSettings.DEFAULT);
        pipeline.worker().setPipeline(reading);
        model = file;
        modelSha256 = sha;
        Platform.runLater(() -> window.modelChanged(file.getFileName().toString(), isPersonal(file)));
    }

    Path model() {
        return model;
    }

    /** This frame's own reading of the tracked digit: the one whose box overlaps it most, if any. */
    private static RecognizedDigit sameDigit(io.digitcam.recognize.Recognition recognition, Box box) {
        if (recognition == null) {
            return null;
        }
        RecognizedDigit best = null;
        long most = 0;
        for (RecognizedDigit d : recognition.digits()) {
            long common = d.box().intersection(box);
            if (common > most && common * 2 > Math.min(d.box().area(), box.area())) {
                most = common;
                best = d;
            }
        }
        return best;
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
        CaptureContext context = new CaptureContext(window.sourceDescription(), model, modelSha256,
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
        cancelTuning.set(true);
        pipeline.close();
        background.shutdownNow();
        tuningThread.shutdownNow();
    }
}
