package io.digitcam.cli;

import io.digitcam.train.HandwritingTuner;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "finetune", mixinStandardHelpOptions = true,
        description = {"Teach the classifier your handwriting from labelled samples (DIR/<label>/*.png, label 0-9 or "
                + "not-a-digit): fine-tunes its dense layers on 80%% of them mixed with MNIST, and keeps the result only "
                + "if it reads the other 20%% better and still reads MNIST's test set at --min-mnist or more.",
                "Exit status: 0 kept (written to --out), 3 not kept (nothing written), 1 error, 2 bad options."})
final class FineTuneCommand implements Callable<Integer> {
    static final int NOT_KEPT = 3;
    private static final int BAR_STEPS = 1000;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--samples", required = true, paramLabel = "DIR",
            description = "Your labelled crops: DIR/0 … DIR/9 and DIR/not-a-digit, PNGs as the camera saw them.")
    Path samples;

    @Option(names = "--init", paramLabel = "MODEL", defaultValue = DefaultPaths.MODEL,
            description = "The model to start from. Default: ${DEFAULT-VALUE}.")
    Path init;

    @Option(names = "--out", paramLabel = "FILE", defaultValue = "trained/digitcam-cnn-personal.zip",
            description = "Where the tuned model goes (its metrics JSON beside it); may be --init itself. "
                    + "Default: ${DEFAULT-VALUE}.")
    Path out;

    @Option(names = "--mnist", paramLabel = "DIR",
            description = "MNIST's four IDX files, to replay and check on. Default: the replay set and MNIST test set "
                    + "shipped inside DigitCam.")
    Path mnist;

    @Option(names = "--epochs", defaultValue = "8", description = "Passes over your samples. Default: ${DEFAULT-VALUE}.")
    int epochs;

    @Option(names = "--min-mnist", defaultValue = "99.5", paramLabel = "PERCENT",
            description = "MNIST test accuracy the tuned model must keep. Default: ${DEFAULT-VALUE}.")
    double minMnist;

    @Option(names = "--threads", defaultValue = "1",
            description = "Native threads for training; the matrices are small, one is fastest. Default: ${DEFAULT-VALUE}.")
    int threads;

    @Override
    public Integer call() throws Exception {
        if (epochs < 1 || epochs > 200) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--epochs must be 1 to 200, got " + epochs);
        }
        if (!(minMnist >= 0 && minMnist <= 100)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--min-mnist is a percentage from 0 to 100, got " + minMnist);
        }
        int cores = threads;
        if (cores < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--threads must be at least 1");
        }
        HandwritingTuner.Settings settings = HandwritingTuner.Settings.DEFAULT.withEpochs(epochs).withThreads(cores)
                .withMinMnistAccuracy(minMnist / 100);
        Path model = DefaultPaths.resolve(init);
        HandwritingTuner.Result r;
        ProgressBarBuilder bar = new ProgressBarBuilder().setTaskName("finetune").setInitialMax(BAR_STEPS)
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(500).setMaxRenderedLength(100)
                .hideEta().continuousUpdate();
        try (ProgressBar pb = bar.build()) {
            r = new HandwritingTuner(settings).tune(samples, model, mnist, out, (fraction, message) -> {
                pb.stepTo(Math.round(fraction * BAR_STEPS));
                pb.setExtraMessage(" " + message);
            }, () -> false);
        }
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (r.skippedSamples() > 0 || !r.warnings().isEmpty()) {
            r.warnings().stream().limit(5).forEach(w -> err.println("digitcam: warning: " + w));
            if (r.warnings().size() > 5) {
                err.println("digitcam: warning: … and " + (r.warnings().size() - 5) + " more");
            }
            if (r.skippedSamples() > 0) {
                err.println("digitcam: warning: " + r.skippedSamples() + " image(s) skipped");
            }
            err.flush();
        }
        o.printf("%d samples to learn from, %d held out to check on (%.0f s)%n%n", r.tuneSamples(),
                r.heldOutSamples(), r.seconds());
        o.printf("%-26s %8s %8s%n", "", "before", "after");
        o.printf("%-26s %7.1f%% %7.1f%%%n", "your held-out samples (" + r.heldOutSamples() + ")",
                100 * r.personalBefore(), 100 * r.personalAfter());
        o.printf("%-26s %7.2f%% %7.2f%%%n", "MNIST test", 100 * r.mnistBefore(), 100 * r.mnistAfter());
        o.println();
        if (r.kept()) {
            o.println("Kept: " + r.reason() + ". Wrote " + r.outModel() + " and "
                    + new io.digitcam.train.ModelFiles(r.outModel()).metrics() + ".");
        } else {
            o.println("Not kept: " + r.reason() + ". Nothing written.");
        }
        o.flush();
        return r.kept() ? 0 : NOT_KEPT;
    }
}
