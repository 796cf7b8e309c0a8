package io.digitcam.cli;

import io.digitcam.train.Architecture;
import io.digitcam.model.Batches;
import io.digitcam.model.DigitClassifier;
import io.digitcam.data.DigitSet;
import io.digitcam.data.MnistData;
import io.digitcam.train.ModelFiles;
import io.digitcam.model.SecondHead;
import io.digitcam.train.TrainingOptions;
import io.digitcam.train.TrainingReport;
import io.digitcam.train.Trainer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train the digit CNN on MNIST and write the model, its metrics and plots.")
final class TrainCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "DIR",
            description = "Directory with the four MNIST IDX files (gzipped or not).")
    Path data;

    @Option(names = "--negatives", paramLabel = "FILE",
            description = "IDX images (28×28) of things that are not digits, normalised like live crops: trained as an 11th "
                    + "class so the model can say \"not a digit\". The shipped model used models/non-digits-idx3-ubyte.gz.")
    Path negatives;

    @Option(names = "--extra", arity = "2", paramLabel = "IMAGES LABELS", hideParamSyntax = true,
            description = "More labelled 28×28 training images: an IDX images file and its IDX labels file (0-9, or 10 for "
                    + "\"not a digit\"), such as crops harvested from photos by the detector; a tenth joins validation.")
    List<Path> extra;

    @Option(names = "--init", paramLabel = "MODEL",
            description = "Fine-tune this trained model (lower learning rate; with --negatives its output grows the extra class) "
                    + "instead of training from random weights.")
    Path init;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Model file to write; metrics and plots go next to it. Default: ${DEFAULT-VALUE}.")
    Path out = DefaultPaths.trainedModel();

    @Option(names = "--arch", defaultValue = "BNCNN",
            description = "Network: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
    Architecture architecture;

    @Option(names = "--epochs", defaultValue = "15", description = "Default: ${DEFAULT-VALUE}.")
    int epochs;

    @Option(names = "--batch", defaultValue = "128", description = "Mini-batch size. Default: ${DEFAULT-VALUE}.")
    int batch;

    @Option(names = "--threads", description = "Native threads for ND4J. Default: all cores.")
    Integer threads;

    @Option(names = "--seed", defaultValue = "20261121", description = "Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--no-augment", description = "Train on the plain images.")
    boolean noAugment;

    @Option(names = "--validation", defaultValue = "5000",
            description = "Training images held out to choose the best epoch. Default: ${DEFAULT-VALUE}.")
    int validation;

    @Option(names = "--limit", defaultValue = "0", description = "Use only this many training images (0 = all).")
    int limit;

    @Option(names = "--average-from", paramLabel = "EPOCH", defaultValue = "0",
            description = "From this epoch on, also average the weights (4 snapshots per epoch) and keep the average "
                    + "when it validates better than any single epoch. 0 = off. Default: ${DEFAULT-VALUE}.")
    int averageFrom;

    @Option(names = "--tune-head", description = "With --init: fine-tune only the dense layers and keep the convolutional "
                    + "features (and their batch-norm statistics) as they are.")
    boolean tuneHead;

    @Option(names = "--second-head", description = "With --init: train the dense layers on the model's frozen convolutional "
            + "features as above, then write --init itself with the result as its second head, which is asked only about "
            + "crops the first head calls \"not a digit\" (see README, The model). Needs \"not a digit\" examples.")
    boolean secondHead;

    @Option(names = "--resume", description = "Continue from the checkpoint next to --out: an interrupted run, or a finished one "
                    + "extended to more --epochs.")
    boolean resume;

    @Override
    public Integer call() throws Exception {
        int cores = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        if (secondHead && init == null) {
            throw new IllegalArgumentException("a second head is trained on a model's features: name the model with --init");
        }
        if (secondHead && DefaultPaths.resolve(init).toAbsolutePath().normalize().equals(out.toAbsolutePath().normalize())) {
            throw new IllegalArgumentException("--out must not be the --init model: the head is written there while it "
                    + "trains, and the model is still needed to attach it to");
        }
        TrainingOptions options = new TrainingOptions(architecture, epochs, batch, cores, seed, !noAugment,
                validation, limit, init == null ? null : DefaultPaths.resolve(init), averageFrom, tuneHead || secondHead);
        if (extra != null && extra.size() != 2) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--extra takes one images file and one labels file, given once");
        }
        // The small added sets first: a mistake in them should not wait for MNIST to load.
        DigitSet nonDigits = negatives == null ? null : MnistData.nonDigits(negatives);
        DigitSet extraImages = extra == null ? null : MnistData.labelled(extra.get(0), extra.get(1));
        if (secondHead) {
            requireNotADigit(options.initial(), nonDigits, extraImages);
        }
        MnistData.requireAll(data);
        DigitSet train = MnistData.train(data);
        DigitSet test = MnistData.test(data);
        ModelFiles files = new ModelFiles(out);
        Trainer.Result result = new Trainer(options, spec.commandLine().getErr()::println)
                .train(train, nonDigits, extraImages, test, files, resume);
        if (secondHead) {
            SecondHead.attach(options.initial(), files.model(), files.model());
        }
        double accuracy = TrainingReport.write(files, options, result, test, secondHead);
        spec.commandLine().getOut().printf("Best: %s %d of %d: test accuracy %.2f%%%s. Wrote %s, %s, %s, %s%n",
                result.bestAveraged() ? "the weight average after epoch" : "epoch", result.bestEpoch(),
                result.history().size(), 100 * result.bestStats().testAccuracy(), secondHead ? String.format(
                        " alone, %.2f%% as the second head of %s", 100 * accuracy, options.initial()) : "",
                files.model(), files.metrics(), files.curves(), files.confusion());
        return 0;
    }

    /** The second head is asked where the first says "not a digit": both must be able to say it. */
    private static void requireNotADigit(Path initial, DigitSet nonDigits, DigitSet extraImages)
            throws java.io.IOException {
        boolean examples = nonDigits != null || extraImages != null
                && new String(extraImages.labels(), java.nio.charset.StandardCharsets.ISO_8859_1)
                .indexOf(Batches.NOT_A_DIGIT) >= 0;
        if (!examples) {
            throw new IllegalArgumentException("a second head needs \"not a digit\" examples: --negatives, or label "
                    + Batches.NOT_A_DIGIT + " in --extra");
        }
        int outputs = DigitClassifier.load(initial).outputs();
        if (outputs != Batches.DIGITS + 1) {
            throw new IllegalArgumentException(initial + " has " + outputs + " outputs: a second head is only asked "
                    + "where the model says \"not a digit\", which it cannot");
        }
    }
}
