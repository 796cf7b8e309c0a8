package io.digitcam.cli;

import io.digitcam.live.LivePipeline;
import io.digitcam.live.LiveResult;
import io.digitcam.live.ReadingPipeline;
import io.digitcam.live.SourceStatus;
import io.digitcam.live.SteadyReadings;
import io.digitcam.recognize.Recognition;
import io.digitcam.recognize.RecognitionJson;
import io.digitcam.recognize.RecognitionSettings;
import io.digitcam.source.CameraSpec;
import io.digitcam.source.DemoSource;
import io.digitcam.source.FrameSource;
import io.digitcam.source.GrabberOptions;
import io.digitcam.source.ImageFiles;
import io.digitcam.source.SourceException;
import io.digitcam.source.Sources;
import io.digitcam.source.VideoFiles;
import io.digitcam.track.TrackedDigit;
import io.digitcam.track.Tracking;
import io.digitcam.util.ErrorText;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.bytedeco.opencv.opencv_core.Mat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "watch", mixinStandardHelpOptions = true,
        description = "Read a camera, the demo or a file without a window, and print a line each time a reading "
                + "becomes steady: when its numbers have held still long enough for the app to mark them read. "
                + "Nothing is printed while nothing changes. Ends at the end of a file or on Ctrl+C; "
                + "exit status 2 if the source cannot be opened.")
final class WatchCommand implements java.util.concurrent.Callable<Integer> {
    /** Exit status when the camera (or file) cannot be opened: like a usage error, the command could not start. */
    static final int NO_SOURCE = 2;
    // Ctrl+C: how long the shutdown hook waits for the pipeline to close and the output to be flushed.
    private static final long CLOSE_MILLIS = 3_000;

    @Spec
    CommandSpec spec;

    @Option(names = "--source", paramLabel = "SOURCE", defaultValue = "camera",
            description = "camera, camera:N (index), camera:NAME, demo, or an image/video file (played once, at its "
                    + "own rate). Default: ${DEFAULT-VALUE}.")
    String source;

    @Option(names = "--json", description = "Print one JSON object per steady reading (JSON Lines): time, frame, "
            + "width, height, digits (label, confidence, box) and numbers, as `predict --json` shows an image.")
    boolean json;

    @Option(names = "--min-confidence", paramLabel = "P", defaultValue = "0.6",
            description = "Count a region as a digit only above this confidence. Default: ${DEFAULT-VALUE}.")
    double minConfidence;

    @picocli.CommandLine.Mixin
    ModelOption model;

    @picocli.CommandLine.Mixin
    VerifierOption verifier;

    /** One steady reading as {@code --json} prints it; digits and numbers as in {@code predict --json}. */
    record Steady(String time, long frame, int width, int height, List<RecognitionJson.Digit> digits,
                  List<String> numbers) {
    }

    @Override
    public Integer call() throws Exception {
        OptionRange.check(spec, "min-confidence", minConfidence);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        RecognitionSettings settings = RecognitionSettings.DEFAULT.withMinConfidence(minConfidence);
        if (isFile(source) && ImageFiles.looksLikeImage(Path.of(source))) {
            return still(Path.of(source), settings, out, err);
        }
        FrameSource frames;
        try {
            frames = open(source);
            // Here, before the model loads: a missing camera is known in milliseconds.
            frames.open();
        } catch (SourceException e) {
            err.println("digitcam: " + e.getMessage());
            err.flush();
            return NO_SOURCE;
        }
        try {
            ReadingPipeline reading = ReadingPipeline.load(model.resolved(), 1, verifier.resolved(), settings);
            return watch(frames, reading, out, err);
        } finally {
            frames.close();
        }
    }

    private static boolean isFile(String spec) {
        String s = spec.strip().toLowerCase(Locale.ROOT);
        return !s.equals("demo") && !s.equals("camera") && !s.startsWith("camera:");
    }

    /** The demo and cameras as the app opens them; a video played once at its own rate, like a camera. */
    private static FrameSource open(String spec) throws SourceException {
        if (spec.strip().equalsIgnoreCase("demo")) {
            return new DemoSource();
        }
        if (!isFile(spec)) {
            return Sources.open(spec, CameraSpec.DEFAULT);
        }
        return VideoFiles.source(Path.of(spec.strip()), new GrabberOptions(false, true, false, 0));
    }

    /** A still image cannot change, so its reading is steady at once: printed once, then the command ends. */
    private int still(Path file, RecognitionSettings settings, PrintWriter out, PrintWriter err) throws Exception {
        Mat image;
        try {
            image = ImageFiles.read(file);
        } catch (IOException e) {
            err.println("digitcam: " + ErrorText.oneLine(e));
            err.flush();
            return NO_SOURCE;
        }
        try (image) {
            ReadingPipeline reading = ReadingPipeline.load(model.resolved(), 1, verifier.resolved(), settings);
            Recognition r = reading.recognizer().recognize(image);
            if (!r.numbers().isEmpty()) {
                List<RecognitionJson.Digit> digits = r.digits().stream()
                        .map(d -> RecognitionJson.digit(d.label(), d.confidence(), d.box())).toList();
                print(new Steady(now(), 0, r.width(), r.height(), digits, r.numbers()), out);
            }
            return 0;
        }
    }

    private int watch(FrameSource frames, ReadingPipeline reading, PrintWriter out, PrintWriter err)
            throws InterruptedException {
        CountDownLatch ended = new CountDownLatch(1);
        CountDownLatch closed = new CountDownLatch(1);
        AtomicReference<String> failure = new AtomicReference<>();
        java.util.concurrent.atomic.AtomicBoolean endOfFile = new java.util.concurrent.atomic.AtomicBoolean();
        SteadyReadings steady = new SteadyReadings();
        // Ctrl+C or kill: the JVM runs this hook, then halts with 130 or 143; the hook holds the halt
        // until the pipeline is closed (the camera released) and every line printed is flushed.
        Thread onSignal = new Thread(() -> {
            ended.countDown();
            try {
                closed.await(CLOSE_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "digitcam-watch-exit");
        Runtime.getRuntime().addShutdownHook(onSignal);
        // Results come on the worker thread, the only one that prints until the pipeline is closed.
        LivePipeline pipeline = new LivePipeline(reading, result -> {
            Tracking t = result.tracking();
            if (steady.isNew(t)) {
                print(steady(result, t), out);
            }
        }, status -> {
            switch (status.state()) {
                case RUNNING -> { }
                case RETRYING -> {
                    // A camera that was unplugged or stalled: said once per failure, retried as the app does.
                    err.println("digitcam: " + status.message());
                    err.flush();
                }
                case ENDED -> {
                    endOfFile.set(true);
                    ended.countDown();
                }
                case STOPPED -> {
                    failure.set(status.message());
                    ended.countDown();
                }
            }
        });
        try {
            pipeline.play(frames);
            ended.await();
            if (endOfFile.get()) {
                // The file's last frames may still be on their way through the worker.
                pipeline.awaitIdle();
            }
        } finally {
            pipeline.close();
            out.flush();
            closed.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(onSignal);
            } catch (IllegalStateException shuttingDown) {
                // The hook is running: it lets the JVM go on once closed is counted down.
            }
        }
        if (failure.get() != null) {
            err.println("digitcam: " + failure.get());
            err.flush();
            return 1;
        }
        return 0;
    }

    /** The numbers read and their digits, as the tracker steadied them. */
    private static Steady steady(LiveResult result, Tracking t) {
        List<RecognitionJson.Digit> digits = new ArrayList<>();
        List<List<TrackedDigit>> byNumber = t.digitsByNumber();
        for (int i = 0; i < t.numbers().size(); i++) {
            if (t.read().contains(t.numbers().get(i))) {
                byNumber.get(i).forEach(d -> digits.add(RecognitionJson.digit(d.label(), d.confidence(), d.box())));
            }
        }
        return new Steady(now(), result.frame().sequence(), result.frame().width(), result.frame().height(), digits,
                t.read());
    }

    private void print(Steady s, PrintWriter out) {
        if (json) {
            out.println(RecognitionJson.line(s));
        } else {
            out.printf(Locale.ROOT, "%s: %s (%d digit%s, min confidence %.2f)%n", s.time(), String.join(" ", s.numbers()),
                    s.digits().size(), s.digits().size() == 1 ? "" : "s",
                    s.digits().stream().mapToDouble(RecognitionJson.Digit::confidence).min().orElse(Double.NaN));
        }
        out.flush();
    }

    // Fixed width (ISO_OFFSET_DATE_TIME drops trailing zeros of the milliseconds), local offset as in captures.
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXX");

    private static String now() {
        return OffsetDateTime.now().format(TIME);
    }
}
