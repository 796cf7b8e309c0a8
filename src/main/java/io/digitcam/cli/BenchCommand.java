package io.digitcam.cli;

import io.digitcam.bench.PipelineBenchmark;
import io.digitcam.bench.Soak;
import io.digitcam.bench.ClassifierBenchmark;
import io.digitcam.live.ReadingPipeline;
import io.digitcam.model.DigitClassifier;
import io.digitcam.model.ModelLoadException;
import io.digitcam.recognize.RecognitionSettings;
import io.digitcam.recognize.Recognizer;
import io.digitcam.source.CameraSpec;
import io.digitcam.source.DemoSource;
import io.digitcam.source.FrameSource;
import io.digitcam.source.GrabberOptions;
import io.digitcam.source.ImageFiles;
import io.digitcam.source.SourceException;
import io.digitcam.source.Sources;
import io.digitcam.source.VideoFiles;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import io.digitcam.bench.SceneBenchmark;
import io.digitcam.data.MnistData;
import io.digitcam.recognize.Recognizer;
import io.digitcam.recognize.RecognitionSettings;
import io.digitcam.synth.Renderers;
import io.digitcam.synth.SceneRenderer;
import io.digitcam.verify.DigitVerifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "bench", mixinStandardHelpOptions = true, description = "Measure speed and print the figures.",
        subcommands = {BenchCommand.Classifier.class, BenchCommand.Pipeline.class, BenchCommand.Scenes.class,
                BenchCommand.Soak.class, BenchStartupCommand.class})
final class BenchCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "classifier", mixinStandardHelpOptions = true,
            description = "Latency of the digit classifier per batch and per crop (median, p95), "
                    + "for the compiled path and DL4J's own.")
    static final class Classifier implements Callable<Integer> {
        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @picocli.CommandLine.Mixin
        ModelOption model;

        @Option(names = "--batches", split = ",", defaultValue = "1,4,16", description = "Default: ${DEFAULT-VALUE}.")
        int[] batches;

        @Option(names = "--iterations", defaultValue = "300",
                description = "Timed calls per batch size. Default: ${DEFAULT-VALUE}.")
        int iterations;

        @Option(names = "--threads", defaultValue = "1", description = "ND4J native threads. Default: ${DEFAULT-VALUE}.")
        int threads;

        @Override
        public Integer call() throws Exception {
            new ClassifierBenchmark(model.resolved(), threads, iterations).run(batches, spec.commandLine().getOut());
            return 0;
        }
    }

    @Command(name = "pipeline", mixinStandardHelpOptions = true,
            description = "The live pipeline without a window (grabber thread → newest-frame slot → worker: detect, "
                    + "normalise, classify, track): frames processed per second, grab-to-result latency and "
                    + "recognition time per frame (median, p95).")
    static final class Pipeline implements Callable<Integer> {
        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @picocli.CommandLine.Mixin
        ModelOption model;

        @picocli.CommandLine.Mixin
        VerifierOption verifier;

        @Option(names = "--source", paramLabel = "SOURCE", defaultValue = "demo",
                description = "demo (1280×720, several numbers), a video or image file, or a camera. Default: ${DEFAULT-VALUE}.")
        String source;

        @Option(names = "--frames", defaultValue = "600", description = "Frames measured. Default: ${DEFAULT-VALUE}.")
        int frames;

        @Option(names = "--warm-up", defaultValue = "60", description = "Frames skipped first. Default: ${DEFAULT-VALUE}.")
        int warmUp;

        @Option(names = "--paced", description = "Play files and the demo at their frame rate instead of as fast as "
                + "they decode: then the figures show what a 30 fps camera gets.")
        boolean paced;

        @Option(names = "--while-learning", paramLabel = "SAMPLES",
                description = "Measure while Learn my handwriting fine-tunes on these samples (DIR/<label>/*.png), on a "
                        + "thread behind the video as in the app: from the warm-up until learning ends.")
        Path learnFrom;

        @Override
        public Integer call() throws Exception {
            if (learnFrom != null) {
                if (!Files.isDirectory(learnFrom)) {
                    throw new SourceException("--while-learning: no such folder: " + learnFrom);
                }
                // As the app does when samples exist: ND4J starts before the grabber loads its libraries.
                io.digitcam.model.Nd4jThreads.set(1);
            }
            ReadingPipeline reading = reading(model.resolved(), verifier.resolved());
            FrameSource frameSource;
            if (source.equals("demo")) {
                frameSource = new DemoSource(1, paced);
            } else if (!paced && !source.startsWith("camera") && !ImageFiles.looksLikeImage(Path.of(source))) {
                frameSource = VideoFiles.source(Path.of(source),
                        new GrabberOptions(false, false, true, 0));
            } else {
                frameSource = Sources.open(source, CameraSpec.DEFAULT);
            }
            io.digitcam.live.CpuSteal steal = io.digitcam.live.CpuSteal.start().orElse(null);
            Learning learning = learnFrom == null ? null : new Learning(learnFrom, model.resolved());
            PipelineBenchmark.Figures f = new PipelineBenchmark(reading)
                    .run(frameSource, warmUp, frames, learning);
            PipelineBenchmark.print(frameSource.description() + (paced ? " (paced)" : " (unpaced)")
                    + (learning != null ? " while learning" : ""), f, spec.commandLine().getOut());
            if (learning != null) {
                spec.commandLine().getOut().println("  learning: " + learning.outcome());
            }
            if (steal != null) {
                steal.share().ifPresent(share -> spec.commandLine().getOut().printf(
                        "  CPU time taken by other virtual machines (steal): %.0f%%%s%n", 100 * share,
                        share > 0.05 ? " — the figures are low; run again on a quiet machine" : ""));
            }
            return 0;
        }
    }

    /** What the app's Learn button runs, into a scratch folder; remembers how it ended. */
    static final class Learning implements Runnable {
        private final Path samples;
        private final Path model;
        private volatile String outcome = "still running when the measuring stopped (raise --frames)";

        Learning(Path samples, Path model) {
            this.samples = samples;
            this.model = model;
        }

        @Override
        public void run() {
            long start = System.nanoTime();
            Path scratch = null;
            try {
                scratch = Files.createTempDirectory("digitcam-bench-learn");
                io.digitcam.train.HandwritingTuner.Result r = new io.digitcam.train.HandwritingTuner()
                        .tune(samples, model, null, scratch.resolve("tuned.zip"), null, null);
                outcome = String.format("%s in %.0f s (%s)", r.verdict().toString().toLowerCase(java.util.Locale.ROOT),
                        (System.nanoTime() - start) / 1e9, r.reason());
            } catch (Exception e) {
                outcome = "failed: " + io.digitcam.util.ErrorText.oneLine(e);
            } finally {
                deleteQuietly(scratch);
            }
        }

        String outcome() {
            return outcome;
        }

        private static void deleteQuietly(Path dir) {
            if (dir == null) {
                return;
            }
            try (java.util.stream.Stream<Path> files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (java.io.IOException ignored) {
                // a scratch folder in the temp directory
            }
        }
    }

    @Command(name = "soak", mixinStandardHelpOptions = true,
            description = "A long run of the live pipeline without a window on a looping video, unpaced, sampling "
                    + "resident memory, Java heap and JavaCPP's native memory; passes (exit 0) if resident memory "
                    + "after the warm-up stays within the bound of its first post-warm-up sample, fails (exit 1) "
                    + "otherwise.")
    static final class Soak implements Callable<Integer> {
        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @picocli.CommandLine.Mixin
        ModelOption model;

        @picocli.CommandLine.Mixin
        VerifierOption verifier;

        @Option(names = "--source", paramLabel = "FILE",
                description = "A video file, looped. Default: a 1280×720 clip of the demo (several numbers, "
                        + io.digitcam.bench.Soak.CLIP_FRAMES + " frames) recorded to a temporary file first.")
        Path source;

        @Option(names = "--frames", defaultValue = "20000",
                description = "Frames processed in all, warm-up included. Default: ${DEFAULT-VALUE}.")
        int frames;

        @Option(names = "--warm-up", defaultValue = "2000",
                description = "Frames before the reference sample. Default: ${DEFAULT-VALUE}.")
        int warmUp;

        @Option(names = "--sample-every", paramLabel = "N", defaultValue = "1000",
                description = "Sample memory every N processed frames. Default: ${DEFAULT-VALUE}.")
        int sampleEvery;

        @Option(names = "--bound", paramLabel = "PERCENT", defaultValue = "5",
                description = "Allowed deviation of resident memory from the reference. Default: ±${DEFAULT-VALUE}%%.")
        double bound;

        @Override
        public Integer call() throws Exception {
            if (frames < 1 || warmUp < 0 || warmUp >= frames || sampleEvery < 1 || bound <= 0) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        "need --frames ≥ 1, 0 ≤ --warm-up < --frames, --sample-every ≥ 1, --bound > 0");
            }
            if (source != null && !Files.isRegularFile(source)) {
                // Before the model loads and the table starts, not as the pipeline's first status.
                throw new SourceException(source + (Files.exists(source)
                        ? ": not a file" : ": no such file"));
            }
            PrintWriter out = spec.commandLine().getOut();
            ReadingPipeline reading = reading(model.resolved(), verifier.resolved());
            Path clip = source;
            Path temp = null;
            try {
                if (clip == null) {
                    temp = Files.createTempFile("digitcam-soak-", ".avi");
                    out.printf("recording %d demo frames to %s%n", io.digitcam.bench.Soak.CLIP_FRAMES, temp);
                    out.flush();
                    clip = io.digitcam.bench.Soak.recordDemoClip(temp, io.digitcam.bench.Soak.CLIP_FRAMES);
                }
                FrameSource frameSource = VideoFiles.source(clip,
                        new GrabberOptions(false, false, true, 0));
                out.printf("soak: %s, looped, unpaced: %d frames, warm-up %d, a sample every %d%n",
                        frameSource.description(), frames, warmUp, sampleEvery);
                io.digitcam.bench.Soak.printHeader(out);
                io.digitcam.bench.Soak.Result r = new io.digitcam.bench.Soak(reading)
                        .run(frameSource, frames, warmUp, sampleEvery, bound,
                                s -> io.digitcam.bench.Soak.printSample(s, warmUp, out));
                io.digitcam.bench.Soak.printSummary(r, out);
                return r.passed() || !r.measured() ? 0 : 1;
            } finally {
                if (temp != null) {
                    Files.deleteIfExists(temp);
                }
            }
        }
    }

    @Command(name = "scenes", mixinStandardHelpOptions = true,
            description = "Reads generated scenes and scores them against their truth, overall and per condition: digits "
                    + "read, numbers exact, false digits per empty frame, and where missed digits were lost (not proposed, "
                    + "turned down by the verifier, misread); with the time per frame (median, p95).")
    static final class Scenes implements Callable<Integer> {
        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @picocli.CommandLine.Mixin
        ModelOption model;

        @picocli.CommandLine.Mixin
        VerifierOption verifier;

        @Option(names = "--data", required = true, paramLabel = "DIR",
                description = "Directory with the MNIST IDX files; the test split's digits are drawn (writers the models never saw).")
        Path data;

        @Option(names = "--renderer", defaultValue = "raster",
                description = "Scene renderer: ${COMPLETION-CANDIDATES} (or several, comma-separated). Default: ${DEFAULT-VALUE}. The first line of the "
                        + "report says which conditions the verifier never saw in training.",
                completionCandidates = Renderers.Names.class)
        String renderer;

        @Option(names = "--scenes", defaultValue = "1000", description = "Default: ${DEFAULT-VALUE}.")
        int scenes;

        @Option(names = "--seed", defaultValue = "7", description = "Default: ${DEFAULT-VALUE}.")
        long seed;

        @Option(names = "--min-digit", paramLabel = "P",
                description = "How sure the verifier must be that a candidate is a digit. Default: the pipeline's own.")
        Double minDigit;

        @Option(names = "--min-rows", defaultValue = "20",
                description = "Show a condition with at least this many digits or empty frames. Default: ${DEFAULT-VALUE}.")
        int minRows;

        @Override
        public Integer call() throws Exception {
            if (scenes < 1) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--scenes must be at least 1");
            }
            MnistData.requireFiles(data, MnistData.TEST_IMAGES, MnistData.TEST_LABELS);
            SceneRenderer scenesOf = Renderers.create(renderer, MnistData.test(data), seed, java.util.Set.of());
            Recognizer reader = Recognizer.create(DigitClassifier.load(model.resolved()),
                    DigitVerifier.load(verifier.resolved()), minDigit == null ? RecognitionSettings.DEFAULT
                            : RecognitionSettings.DEFAULT.withMinDigit(minDigit));
            SceneBenchmark.Result result = SceneBenchmark.run(reader, scenesOf::render, 0, scenes, reader.minDigit());
            SceneBenchmark.print(result, scenes + " scenes from the " + renderer + " renderer, seed " + seed + "; "
                    + TrainingProvenance.describe(verifier.resolved(), renderer), spec.commandLine().getOut(), minRows);
            return 0;
        }
    }

    /** The live reading pipeline, as the app builds it. */
    private static ReadingPipeline reading(Path model, Path verifier) throws ModelLoadException {
        return ReadingPipeline.load(model, 1, verifier, RecognitionSettings.DEFAULT);
    }
}
