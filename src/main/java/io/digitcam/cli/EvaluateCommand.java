package io.digitcam.cli;

import io.digitcam.model.Batches;
import io.digitcam.train.Charts;
import io.digitcam.model.DigitClassifier;
import io.digitcam.data.DigitSet;
import io.digitcam.train.Evaluator;
import io.digitcam.train.PersonalSamples;
import io.digitcam.data.MnistData;
import io.digitcam.train.TrainingReport;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Score a model on the MNIST test set (--data) or on a folder of labelled crops (--images, "
                + "DIR/<label>/*.png as finetune reads them): accuracy, per-digit table, confusion matrix, "
                + "and an image of the most confident mistakes.")
final class EvaluateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @picocli.CommandLine.Mixin
    ModelOption model;

    @picocli.CommandLine.ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    static final class Source {
        @Option(names = "--data", required = true, paramLabel = "DIR",
                description = "Directory with t10k-images-idx3-ubyte and t10k-labels-idx1-ubyte (gzipped or not).")
        Path data;

        @Option(names = "--images", required = true, paramLabel = "DIR",
                description = "Labelled crops: DIR/0 … DIR/9 and DIR/not-a-digit, PNGs as the camera saw them, each made "
                        + "into the crop the live pipeline would classify.")
        Path images;
    }

    @Option(names = "--out", paramLabel = "DIR",
            description = "Where mistakes.png and confusion.png go. Default: ${DEFAULT-VALUE}.")
    Path out = DefaultPaths.evaluation();

    @Option(names = "--mistakes", defaultValue = "20", description = "How many mistakes to show. Default: ${DEFAULT-VALUE}.")
    int mistakes;

    @Override
    public Integer call() throws Exception {
        Path data = source.data != null ? source.data : source.images;
        DigitSet test = source.data != null ? MnistData.test(data) : readImages(data);
        Path model = this.model.resolved();
        DigitClassifier classifier = DigitClassifier.load(model);
        Evaluator.Result result = Evaluator.evaluate(classifier, test);
        PrintWriter o = spec.commandLine().getOut();
        o.printf("%s on %s: accuracy %.2f%% (%d of %d wrong), %.3f ms per image%n", model, data,
                100 * result.accuracy(), result.mistakes().size(), test.size(), result.millis() / test.size());
        if (classifier.hasSecondHead()) {
            o.println("(with its second head, asked only where the first head says \"not a digit\")");
        }
        o.println();
        o.println("digit  count  precision  recall     F1");
        for (TrainingReport.ClassMetrics c : TrainingReport.perClass(result.evaluation())) {
            o.printf("%5d  %5d  %8.2f%%  %5.2f%%  %5.2f%%%n", c.digit(), c.count(), 100 * c.precision(),
                    100 * c.recall(), 100 * c.f1());
        }
        o.println();
        o.println("confusion matrix (rows: true digit, columns: predicted)");
        int[][] m = withNotADigitRow(TrainingReport.confusion(result.evaluation()), test, result);
        o.print("     ");
        for (int p = 0; p < m[0].length; p++) {
            o.printf(p < Batches.DIGITS ? "%6d" : "%6s", p < Batches.DIGITS ? p : "none");
        }
        o.println();
        for (int a = 0; a < m.length; a++) {
            o.printf(a < Batches.DIGITS ? "%5d" : "%5s", a < Batches.DIGITS ? a : "none");
            for (int p = 0; p < m[a].length; p++) {
                o.printf("%6d", m[a][p]);
            }
            o.println();
        }
        Files.createDirectories(out);
        Path grid = out.resolve("mistakes.png");
        Path confusion = out.resolve("confusion.png");
        Charts.mistakes(test, result.mostConfident(mistakes), grid);
        Charts.confusion(m, String.format("%s — accuracy %.2f%%", model.getFileName(), 100 * result.accuracy()),
                confusion);
        o.println();
        o.println("Wrote " + grid + " and " + confusion);
        o.flush();
        return 0;
    }

    private DigitSet readImages(Path dir) throws java.io.IOException {
        PersonalSamples.Samples samples = new PersonalSamples().read(dir);
        PrintWriter err = spec.commandLine().getErr();
        samples.warnings().stream().limit(5).forEach(w -> err.println("digitcam: warning: " + w));
        if (samples.skipped() > 0) {
            err.println("digitcam: warning: " + samples.skipped() + " image(s) skipped");
        }
        err.flush();
        return samples.all();
    }

    /** A "none" row when the set has "not a digit" samples: how many the model turned down, and what it read instead. */
    private static int[][] withNotADigitRow(int[][] digits, DigitSet set, Evaluator.Result result) {
        int cols = digits[0].length;
        boolean any = false;
        for (byte label : set.labels()) {
            any |= label == Batches.NOT_A_DIGIT;
        }
        if (!any || cols <= Batches.NOT_A_DIGIT) {
            return digits;
        }
        int[][] m = java.util.Arrays.copyOf(digits, digits.length + 1);
        m[digits.length] = new int[cols];
        for (int p = 0; p < cols; p++) {
            m[digits.length][p] = result.evaluation().getConfusionMatrix().getCount(Batches.NOT_A_DIGIT, p);
        }
        return m;
    }
}
