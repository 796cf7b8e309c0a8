package io.digitcam.train;

import io.digitcam.data.DigitSet;
import io.digitcam.data.MnistData;
import io.digitcam.model.Batches;
import io.digitcam.model.Checksums;
import io.digitcam.model.DigitClassifier;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.evaluation.classification.Evaluation;

/** Writes what a training run leaves next to its model: metrics JSON, curves and confusion plots. */
public final class TrainingReport {
    private TrainingReport() {
    }

    /** Per-digit figures in the metrics file and the evaluate table. */
    public record ClassMetrics(int digit, int count, double precision, double recall, double f1) {
    }

    public static List<ClassMetrics> perClass(Evaluation eval) {
        return java.util.stream.IntStream.range(0, Batches.DIGITS).mapToObj(d -> new ClassMetrics(d,
                eval.getConfusionMatrix().getActualTotal(d), eval.precision(d), eval.recall(d), eval.f1(d))).toList();
    }

    /** True digits by predicted class: 10 columns, or 11 when the model can answer "not a digit". */
    public static int[][] confusion(Evaluation eval) {
        int classes = eval.getConfusionMatrix().getClasses().size();
        int[][] m = new int[Batches.DIGITS][classes];
        for (int actual = 0; actual < Batches.DIGITS; actual++) {
            for (int predicted = 0; predicted < classes; predicted++) {
                m[actual][predicted] = eval.getConfusionMatrix().getCount(actual, predicted);
            }
        }
        return m;
    }

    public static void write(ModelFiles files, TrainingOptions options, Trainer.Result result, DigitSet test)
            throws IOException {
        write(files, options, result, test, false);
    }

    /**
     * With {@code secondHead}, the run trained a second head that is now attached to
     * {@code options.initial()} in the model file: the test figures, per-digit table and
     * confusion matrix are then the model's as the app runs it (first head, second head where
     * the first says "not a digit"), and the trained head's own figures are reported beside them.
     * Returns the test accuracy reported.
     */
    public static double write(ModelFiles files, TrainingOptions options, Trainer.Result result, DigitSet test,
                               boolean secondHead) throws IOException {
        Scorer.Score score = Scorer.score(result.best(), test);
        DigitClassifier combined = secondHead ? DigitClassifier.load(files.model()) : null;
        Evaluation eval = combined != null ? Evaluator.evaluate(combined, test).evaluation() : score.evaluation();
        EpochStats best = result.bestStats();

        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", files.model().getFileName().toString());
        m.put("architecture", options.architecture().name());
        m.put("parameters", combined != null ? combined.parameters() : result.best().numParams());
        m.put("testAccuracy", round(eval.accuracy()));
        m.put("testErrors", (int) Math.round((1 - eval.accuracy()) * test.size()));
        if (secondHead) {
            Map<String, Object> head = new LinkedHashMap<>();
            head.put("attachedTo", options.initial().getFileName().toString());
            head.put("asked", "where the first head says \"not a digit\"; its digit stands at probability >= "
                    + DigitClassifier.SECOND_HEAD_MIN + ", a \"1\" at >= " + DigitClassifier.SECOND_HEAD_MIN_ONE);
            head.put("aloneTestAccuracy", round(score.accuracy()));
            head.put("aloneTestErrors", (int) Math.round((1 - score.accuracy()) * test.size()));
            head.put("aloneTestLoss", round(score.loss()));
            m.put("secondHead", head);
        } else {
            m.put("testLoss", round(score.loss()));
        }
        m.put("validationAccuracy", round(best.validationAccuracy()));
        m.put("bestEpoch", result.bestEpoch());
        if (options.averageFrom() > 0) {
            Map<String, Object> avg = new LinkedHashMap<>();
            avg.put("fromEpoch", options.averageFrom());
            avg.put("snapshotsPerEpoch", Trainer.SNAPSHOTS_PER_EPOCH);
            avg.put("snapshots", result.snapshots());
            avg.put("kept", result.bestAveraged());
            avg.put("history", result.averages());
            m.put("weightAveraging", avg);
        }
        m.put("epochs", result.history().size());
        m.put("batchSize", options.batchSize());
        m.put("seed", options.seed());
        m.put("threads", options.threads());
        m.put("augmentation", Augmenter.Ranges.DEFAULT);
        m.put("augmentedEpochs", result.history().stream().filter(EpochStats::augmented).count());
        m.put("trainingSeconds", Math.round(result.seconds()));
        if (options.initial() != null) {
            m.put("fineTunedFrom", Map.of("model", options.initial().getFileName().toString(),
                    "sha256", Checksums.sha256(options.initial()),
                    "layers", options.headOnly() ? "dense head only" : "all"));
        }
        m.put("images", Map.of("train", result.train().size(), "validation", result.validation().size(),
                "test", test.size()));
        if (result.negatives() != null) {
            Evaluation validation = Scorer.score(result.best(), result.validation()).evaluation();
            Map<String, Object> nd = new LinkedHashMap<>();
            nd.put("images", result.negatives().size());
            nd.put("sha256", result.negatives().imagesSha256());
            nd.put("validationRejected", round(validation.recall(Batches.NOT_A_DIGIT)));
            nd.put("testDigitsRejected", confusionColumn(eval, Batches.NOT_A_DIGIT));
            m.put("notADigitClass", nd);
        }
        if (result.extra() != null) {
            Map<String, Object> ex = new LinkedHashMap<>();
            ex.put("images", result.extra().size());
            ex.put("imagesSha256", result.extra().imagesSha256());
            ex.put("labelsSha256", result.extra().labelsSha256());
            ex.put("validationImages", result.extraValidation().size());
            ex.put("validationAccuracy", round(Scorer.score(result.best(), result.extraValidation()).accuracy()));
            m.put("extraImages", ex);
        }
        m.put("dataSha256", Map.of(
                MnistData.TRAIN_IMAGES, result.train().imagesSha256(),
                MnistData.TRAIN_LABELS, result.train().labelsSha256(),
                MnistData.TEST_IMAGES, test.imagesSha256(),
                MnistData.TEST_LABELS, test.labelsSha256()));
        m.put("perClass", perClass(eval));
        m.put("confusionMatrix", confusion(eval));
        m.put("confusionMatrixLayout", "rows are the true digit, columns the predicted one");
        m.put("history", result.history());
        m.put("date", OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).toString());
        m.put("software", Map.of("java", System.getProperty("java.version"),
                "deeplearning4j", org.deeplearning4j.nn.multilayer.MultiLayerNetwork.class.getPackage()
                        .getImplementationVersion() == null ? "1.0.0-M2.1"
                        : org.deeplearning4j.nn.multilayer.MultiLayerNetwork.class.getPackage().getImplementationVersion()));

        writeJson(files.metrics(), m);
        Charts.trainingCurves(result.history(), result.averages(), files.curves());
        Charts.confusion(confusion(eval), "MNIST test set, " + options.architecture() + String.format(
                " — accuracy %.2f%%", 100 * eval.accuracy()), files.confusion());
        return eval.accuracy();
    }

    private static int confusionColumn(Evaluation eval, int predicted) {
        int n = 0;
        for (int actual = 0; actual < Batches.DIGITS; actual++) {
            n += eval.getConfusionMatrix().getCount(actual, predicted);
        }
        return n;
    }

    static void writeJson(Path file, Object value) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(tmp.toFile(), value);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static double round(double v) {
        return Math.round(v * 1e6) / 1e6;
    }
}
