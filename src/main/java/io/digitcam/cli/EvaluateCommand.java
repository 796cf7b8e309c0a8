package io.digitcam.cli;

import io.digitcam.model.Batches;
import io.digitcam.train.Charts;
import io.digitcam.model.DigitClassifier;
import io.digitcam.data.DigitSet;
import io.digitcam.train.Evaluator;
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
        description = "Score a model on the MNIST test set: accuracy, per-digit table, confusion matrix, "
                + "and an image of the most confident mistakes.")
final class EvaluateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @picocli.CommandLine.Mixin
    ModelOption model;

    @Option(names = "--data", required = true, paramLabel = "DIR",
            description = "Directory with t10k-images-idx3-ubyte and t10k-labels-idx1-ubyte (gzipped or not).")
    Path data;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Where mistakes.png and confusion.png go. Default: ${DEFAULT-VALUE}.")
    Path out = DefaultPaths.evaluation();

    @Option(names = "--mistakes", defaultValue = "20", description = "How many mistakes to show. Default: ${DEFAULT-VALUE}.")
    int mistakes;

    @Override
    public Integer call() throws Exception {
        DigitSet test = MnistData.test(data);
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
        int[][] m = TrainingReport.confusion(result.evaluation());
        o.print("     ");
        for (int p = 0; p < m[0].length; p++) {
            o.printf(p < Batches.DIGITS ? "%6d" : "%6s", p < Batches.DIGITS ? p : "none");
        }
        o.println();
        for (int a = 0; a < m.length; a++) {
            o.printf("%5d", a);
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
}
