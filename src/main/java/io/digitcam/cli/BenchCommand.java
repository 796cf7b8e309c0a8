package io.digitcam.cli;

import io.digitcam.model.ClassifierBenchmark;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "bench", mixinStandardHelpOptions = true, description = "Measure speed and print the figures.",
        subcommands = {BenchCommand.Classifier.class, BenchCommand.Pipeline.class})
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

        @Option(names = "--model", paramLabel = "FILE", defaultValue = DefaultPaths.MODEL,
                description = "Default: ${DEFAULT-VALUE}.")
        Path model;

        @Option(names = "--batches", split = ",", defaultValue = "1,4,16", description = "Default: ${DEFAULT-VALUE}.")
        int[] batches;

        @Option(names = "--iterations", defaultValue = "300",
                description = "Timed calls per batch size. Default: ${DEFAULT-VALUE}.")
        int iterations;

        @Option(names = "--threads", defaultValue = "1", description = "ND4J native threads. Default: ${DEFAULT-VALUE}.")
        int threads;

        @Override
        public Integer call() throws Exception {
            new ClassifierBenchmark(DefaultPaths.resolve(model), threads, iterations).run(batches, spec.commandLine().getOut());
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

        @Option(names = "--model", paramLabel = "FILE", defaultValue = DefaultPaths.MODEL,
                description = "Default: ${DEFAULT-VALUE}.")
        Path model;

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

        @Override
        public Integer call() throws Exception {
            io.digitcam.model.DigitClassifier classifier = io.digitcam.model.DigitClassifier.load(DefaultPaths.resolve(model));
            io.digitcam.recognize.RecognitionSettings settings = io.digitcam.recognize.RecognitionSettings.DEFAULT;
            io.digitcam.recognize.Recognizer recognizer = io.digitcam.recognize.Recognizer.create(classifier, settings);
            io.digitcam.track.DigitTracker tracker = new io.digitcam.track.DigitTracker(
                    io.digitcam.track.TrackerSettings.DEFAULT,
                    new io.digitcam.recognize.NumberReader(settings.lineOverlap(), settings.numberGap()));
            io.digitcam.source.FrameSource frameSource;
            if (source.equals("demo")) {
                frameSource = new io.digitcam.source.DemoSource(1, paced);
            } else if (!paced && !source.startsWith("camera") && !io.digitcam.source.ImageFiles.looksLikeImage(Path.of(source))) {
                frameSource = io.digitcam.source.VideoFiles.source(Path.of(source),
                        new io.digitcam.source.GrabberOptions(false, false, true, 0));
            } else {
                frameSource = io.digitcam.source.Sources.open(source, io.digitcam.source.CameraSpec.DEFAULT);
            }
            io.digitcam.live.PipelineBenchmark.Figures f = new io.digitcam.live.PipelineBenchmark(recognizer, tracker)
                    .run(frameSource, warmUp, frames);
            io.digitcam.live.PipelineBenchmark.print(frameSource.description() + (paced ? " (paced)" : " (unpaced)"), f,
                    spec.commandLine().getOut());
            return 0;
        }
    }
}
