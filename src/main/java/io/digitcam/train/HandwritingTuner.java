package io.digitcam.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.digitcam.data.DigitSet;
import io.digitcam.model.Batches;
import io.digitcam.model.Checksums;
import io.digitcam.model.DigitClassifier;
import io.digitcam.model.DigitImages;
import io.digitcam.model.ModelLoadException;
import io.digitcam.model.Nd4jThreads;
import io.digitcam.model.SecondHead;
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
import java.util.Random;
import java.util.function.BooleanSupplier;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import java.util.ArrayList;
import org.nd4j.evaluation.classification.Evaluation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Teaches the classifier one person's handwriting: fine-tunes it on their samples
 * ({@link PersonalSamples}, augmented) mixed with MNIST replay ({@link ReplaySet}) so it does not
 * forget, and keeps the result only if it reads their held-out samples better than before
 * <em>and</em> still reads MNIST's test set at {@link Settings#minMnistAccuracy} or more.
 *
 * <p>Only the dense head learns (the convolutional features, batch-norm statistics included, stay
 * as they are): a few hundred samples are too few to move features 60,000 digits made, tuning is
 * several times faster, and a model's second head ({@link SecondHead}), which must sit on exactly
 * the first head's features, stays valid and is carried over unchanged.
 *
 * <p>Usable from a background thread: everything it touches is its own, progress goes to a
 * callback, and {@code cancelled} is polled between mini-batches. Nothing is written unless the
 * model is kept; then the model and its metrics JSON are each written to a temporary file and
 * moved into place. Both accuracies are measured with {@link DigitClassifier}, the path the app
 * runs (second head included).
 */
public final class HandwritingTuner {
    /** Receives how far the run is (0..1) and what it is doing; called on the tuning thread. */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (fraction, message) -> { };

        void report(double fraction, String message);
    }

    public enum Verdict {
        /** Better on the held-out samples, still good on MNIST: written to the output path. */
        KEPT,
        /** Not better on the held-out samples than the model it started from. */
        NOT_BETTER,
        /** Better on the samples, but below the MNIST test threshold. */
        FORGETS_MNIST,
        /** Stopped by the caller. */
        CANCELLED
    }

    /**
     * How a run went. Accuracies are fractions (NaN when the run was cancelled before measuring
     * them); {@code outModel} is null unless the model was kept.
     */
    public record Result(Verdict verdict, String reason, double personalBefore, double personalAfter,
                         double mnistBefore, double mnistAfter, int tuneSamples, int heldOutSamples,
                         int skippedSamples, List<String> warnings, Path outModel, double seconds) {
        public boolean kept() {
            return verdict == Verdict.KEPT;
        }
    }

    /**
     * @param epochs           passes over the tuning samples and the replay
     * @param repeats          augmented copies of each tuning sample (besides the sample itself)
     * @param replay           how many replay images are mixed in: the replay set once as it is, then
     *                         augmented copies of it if more are asked for
     * @param batchSize        mini-batch size
     * @param minMnistAccuracy the tuned model must keep at least this on the MNIST test set
     * @param threads          native threads while training; 0 leaves ND4J's setting alone (the app).
     *                         One is fastest: the head's matrices are small, and on a busy machine two
     *                         threads made each step ten times slower, waiting for each other
     * @param seed             for shuffling, augmentation and replay choice: a run is repeatable
     */
    public record Settings(int epochs, int repeats, int replay, int batchSize, double minMnistAccuracy, int threads,
                           long seed) {
        public static final Settings DEFAULT = new Settings(8, 16, 19200, 64, 0.995, 0, 20261207L);

        public Settings {
            if (epochs < 1 || repeats < 0 || batchSize < 1 || replay < 0 || threads < 0) {
                throw new IllegalArgumentException("epochs and batch size must be at least 1; repeats, replay and "
                        + "threads not negative");
            }
        }

        public Settings withThreads(int n) {
            return new Settings(epochs, repeats, replay, batchSize, minMnistAccuracy, n, seed);
        }

        public Settings withEpochs(int n) {
            return new Settings(n, repeats, replay, batchSize, minMnistAccuracy, threads, seed);
        }

        public Settings withMinMnistAccuracy(double a) {
            return new Settings(epochs, repeats, replay, batchSize, a, threads, seed);
        }
    }

    private static final int EVAL_CHUNK = 1000;

    private final Settings settings;
    private final PersonalSamples reader;

    public HandwritingTuner(Settings settings, PersonalSamples reader) {
        this.settings = settings;
        this.reader = reader;
    }

    public HandwritingTuner(Settings settings) {
        this(settings, new PersonalSamples());
    }

    public HandwritingTuner() {
        this(Settings.DEFAULT);
    }

    /** Thrown inside a run when the caller cancels; turned into a {@link Verdict#CANCELLED} result. */
    private static final class Cancelled extends Exception {
        Cancelled() {
            super(null, null, false, false);
        }
    }

    /**
     * Fine-tunes {@code initModel} on the samples in {@code samplesDir} and writes the result to
     * {@code outModel} (which may be {@code initModel} itself) if it is better; see the class comment.
     * {@code mnistDir} may be null: the replay set shipped in the jar is used.
     *
     * @throws PersonalSamples.SamplesException no usable samples, or none to hold out
     * @throws ModelLoadException               {@code initModel} cannot be loaded
     * @throws IOException                      MNIST, the replay set or the output cannot be read or written
     */
    public Result tune(Path samplesDir, Path initModel, Path mnistDir, Path outModel, Progress progress,
                       BooleanSupplier cancelled) throws IOException, ModelLoadException {
        long start = System.nanoTime();
        Progress p = progress == null ? Progress.NONE : progress;
        BooleanSupplier stop = cancelled == null ? () -> false : cancelled;
        p.report(0, "reading samples");
        PersonalSamples.Samples samples = reader.read(samplesDir);
        double[] acc = {Double.NaN, Double.NaN, Double.NaN, Double.NaN};
        try {
            check(stop);
            DigitClassifier before = DigitClassifier.load(initModel);
            DigitSet tune = usable(samples.tune(), before.outputs());
            DigitSet heldOut = usable(samples.heldOut(), before.outputs());
            if (tune.size() == 0 || heldOut.size() == 0) {
                throw new PersonalSamples.SamplesException(samplesDir + ": " + samples.size() + " usable sample(s); "
                        + "at least two of one label are needed, one to learn from and one to check on");
            }
            p.report(0.02, "loading MNIST replay");
            ReplaySet replay = mnistDir == null ? ReplaySet.shipped() : ReplaySet.from(mnistDir, settings.seed());
            p.report(0.04, "scoring the current model");
            acc[0] = accuracy(before, heldOut, stop);
            acc[2] = accuracy(before, replay.test(), stop);
            p.report(0.12, String.format("current model: %.1f%% on your samples, %.2f%% on MNIST", 100 * acc[0],
                    100 * acc[2]));

            MultiLayerNetwork trained = train(initModel, before.outputs(), tune, replay.replay(), p, stop);
            Path dir = outModel.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path candidate = Files.createTempFile(dir, outModel.getFileName().toString(), ".tmp");
            try {
                p.report(0.86, "scoring the tuned model");
                write(trained, initModel, candidate);
                DigitClassifier after = DigitClassifier.load(candidate);
                acc[1] = accuracy(after, heldOut, stop);
                acc[3] = accuracy(after, replay.test(), stop);
                Verdict verdict = acc[1] <= acc[0] ? Verdict.NOT_BETTER
                        : acc[3] < settings.minMnistAccuracy() ? Verdict.FORGETS_MNIST : Verdict.KEPT;
                String reason = switch (verdict) {
                    case KEPT -> String.format("better on your held-out samples (%.1f%% → %.1f%%) and %.2f%% on MNIST",
                            100 * acc[0], 100 * acc[1], 100 * acc[3]);
                    case NOT_BETTER -> String.format("not better on your held-out samples (%.1f%% → %.1f%%)",
                            100 * acc[0], 100 * acc[1]);
                    case FORGETS_MNIST -> String.format("MNIST test accuracy would drop to %.2f%%, below %.2f%%",
                            100 * acc[3], 100 * settings.minMnistAccuracy());
                    default -> throw new IllegalStateException();
                };
                check(stop);
                double seconds = (System.nanoTime() - start) / 1e9;
                if (verdict == Verdict.KEPT) {
                    p.report(0.98, "writing " + outModel);
                    writeMetrics(new ModelFiles(outModel).metrics(), initModel, samplesDir, tune, heldOut, acc, seconds);
                    Files.move(candidate, outModel, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                }
                p.report(1, reason);
                return new Result(verdict, reason, acc[0], acc[1], acc[2], acc[3], tune.size(), heldOut.size(),
                        samples.skipped(), samples.warnings(), verdict == Verdict.KEPT ? outModel : null, seconds);
            } finally {
                Files.deleteIfExists(candidate);
            }
        } catch (Cancelled c) {
            p.report(1, "cancelled");
            return new Result(Verdict.CANCELLED, "cancelled", acc[0], acc[1], acc[2], acc[3], samples.tune().size(),
                    samples.heldOut().size(), samples.skipped(), samples.warnings(), null,
                    (System.nanoTime() - start) / 1e9);
        }
    }

    /** The samples a model with {@code outputs} outputs can learn: a digits-only one has no "not a digit". */
    private static DigitSet usable(DigitSet set, int outputs) {
        if (outputs > Batches.DIGITS) {
            return set;
        }
        int[] keep = java.util.stream.IntStream.range(0, set.size()).filter(i -> set.labels()[i] < Batches.DIGITS)
                .toArray();
        return ReplaySet.subset(set, keep);
    }

    /**
     * The convolutional features stay frozen, so each image's features are computed once (the
     * samples' augmented copies, the replay images as they are) and the head alone is trained on
     * them for every epoch: many epochs for the price of one forward pass per image.
     */
    private MultiLayerNetwork train(Path initModel, int classes, DigitSet tune, DigitSet replay, Progress p,
                                    BooleanSupplier stop) throws IOException, Cancelled {
        MultiLayerNetwork initial = ModelSerializer.restoreMultiLayerNetwork(initModel.toFile(), false);
        if (settings.threads() > 0) {
            Nd4jThreads.set(settings.threads());
        } else {
            Nd4jThreads.onThisThread();
        }
        Nd4j.getRandom().setSeed(settings.seed());
        int personal = tune.size() * (settings.repeats() + 1);
        int replayed = settings.replay();
        int rows = personal + replayed;
        int iters = (rows + settings.batchSize() - 1) / settings.batchSize();
        MultiLayerNetwork net = FineTuning.from(initial, settings.seed(), classes, iters, settings.epochs(), true);
        HeadTraining head = new HeadTraining(net);

        // Features: each tuning sample as it is and in `repeats` augmented copies, then the replay.
        Random random = new Random(settings.seed());
        float[] x = new float[EVAL_CHUNK * DigitImages.PIXELS];
        // Targets: one-hot for the person's samples; for replay, what the starting model answers
        // (distillation), so MNIST keeps the very behaviour its accuracy was measured on.
        float[] targets = new float[rows * classes];
        List<INDArray> parts = new ArrayList<>();
        int done = 0;
        try (Augmenter augmenter = new Augmenter(Augmenter.Ranges.DEFAULT, settings.seed())) {
            int[] replayPick = shuffled(replay.size(), random);
            while (done < rows) {
                check(stop);
                int n = Math.min(EVAL_CHUNK, rows - done);
                for (int i = 0; i < n; i++) {
                    int row = done + i;
                    boolean mine = row < personal;
                    DigitSet set = mine ? tune : replay;
                    int index = mine ? row % tune.size() : replayPick[(row - personal) % replay.size()];
                    // Each image once as it is, then augmented copies.
                    if (mine ? row >= tune.size() : row - personal >= replay.size()) {
                        augmenter.augment(set.pixels(), index * DigitImages.PIXELS, x, i * DigitImages.PIXELS);
                    } else {
                        DigitImages.toUnit(set.pixels(), index * DigitImages.PIXELS, x, i * DigitImages.PIXELS,
                                DigitImages.PIXELS);
                    }
                    targets[row * classes + set.labels()[index]] = 1;
                }
                float[] pixels = n == EVAL_CHUNK ? x : java.util.Arrays.copyOf(x, n * DigitImages.PIXELS);
                INDArray f = head.features(pixels, n);
                parts.add(f);
                if (done + n > personal) {
                    float[][] teacher = head.output(f).toFloatMatrix();
                    for (int i = Math.max(0, personal - done); i < n; i++) {
                        System.arraycopy(teacher[i], 0, targets, (done + i) * classes, classes);
                    }
                }
                done += n;
                p.report(0.12 + 0.3 * done / rows, "preparing " + done + " of " + rows + " images");
            }
        }
        // One Java array, batches copied out of it: far cheaper than indexing rows of an INDArray.
        int dim = (int) parts.get(0).size(1);
        float[] features = new float[rows * dim];
        int at = 0;
        for (INDArray part : parts) {
            float[] f = part.data().asFloat();
            System.arraycopy(f, 0, features, at, f.length);
            at += f.length;
        }
        parts.clear();

        int batch = settings.batchSize();
        float[] fx = new float[batch * dim];
        float[] fy = new float[batch * classes];
        for (int epoch = 1; epoch <= settings.epochs(); epoch++) {
            int[] order = shuffled(rows, random);
            for (int it = 0; it < iters; it++) {
                check(stop);
                int from = it * batch;
                int n = Math.min(batch, rows - from);
                for (int i = 0; i < n; i++) {
                    System.arraycopy(features, order[from + i] * dim, fx, i * dim, dim);
                    System.arraycopy(targets, order[from + i] * classes, fy, i * classes, classes);
                }
                float[] xs = n == batch ? fx : java.util.Arrays.copyOf(fx, n * dim);
                float[] ys = n == batch ? fy : java.util.Arrays.copyOf(fy, n * classes);
                head.fit(Nd4j.create(xs, new long[] {n, dim}, 'c'), Nd4j.create(ys, new long[] {n, classes}, 'c'));
            }
            p.report(0.42 + 0.44 * epoch / settings.epochs(), String.format("tuning: epoch %d of %d, loss %.3f",
                    epoch, settings.epochs(), head.score()));
        }
        head.copyBack();
        return net;
    }

    /** The tuned first head, with the starting model's second head (on the same, untouched features) attached. */
    private static void write(MultiLayerNetwork net, Path initModel, Path target) throws IOException {
        Trainer.writeAtomically(net, target, false);
        MultiLayerNetwork second = SecondHead.read(initModel);
        if (second != null) {
            Path head = Files.createTempFile(target.toAbsolutePath().getParent(), "second-head", ".tmp");
            try {
                ModelSerializer.writeModel(second, head.toFile(), false);
                SecondHead.attach(target, head, target);
            } finally {
                Files.deleteIfExists(head);
            }
        }
    }

    /** Accuracy as the app would score it ("not a digit" said of a digit is wrong), in chunks so a cancel is heard. */
    private static double accuracy(DigitClassifier classifier, DigitSet set, BooleanSupplier stop) throws Cancelled {
        Evaluation total = null;
        for (int from = 0; from < set.size(); from += EVAL_CHUNK) {
            check(stop);
            int n = Math.min(EVAL_CHUNK, set.size() - from);
            int[] idx = java.util.stream.IntStream.range(from, from + n).toArray();
            Evaluation e = Evaluator.evaluate(classifier, ReplaySet.subset(set, idx)).evaluation();
            if (total == null) {
                total = e;
            } else {
                total.merge(e);
            }
        }
        return total == null ? Double.NaN : total.accuracy();
    }

    private void writeMetrics(Path file, Path initModel, Path samplesDir, DigitSet tune, DigitSet heldOut,
                              double[] acc, double seconds) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", file.getFileName().toString().replace(".metrics.json", ".zip"));
        m.put("testAccuracy", acc[3]);
        m.put("testAccuracyBefore", acc[2]);
        m.put("minTestAccuracy", settings.minMnistAccuracy());
        Map<String, Object> from = new LinkedHashMap<>();
        from.put("model", initModel.getFileName().toString());
        from.put("sha256", Checksums.sha256(initModel));
        from.put("layers", "dense head only");
        from.put("secondHead", SecondHead.read(initModel) != null ? "carried over unchanged" : "none");
        m.put("fineTunedFrom", from);
        Map<String, Object> personal = new LinkedHashMap<>();
        personal.put("samples", samplesDir.toAbsolutePath().toString());
        personal.put("tune", tune.size());
        personal.put("heldOut", heldOut.size());
        personal.put("heldOutAccuracyBefore", acc[0]);
        personal.put("heldOutAccuracyAfter", acc[1]);
        m.put("personalSamples", personal);
        m.put("settings", settings);
        m.put("seconds", Math.round(seconds * 10) / 10.0);
        m.put("date", OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).toString());
        Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), file.getFileName().toString(), ".tmp");
        try {
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(tmp.toFile(), m);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void check(BooleanSupplier stop) throws Cancelled {
        if (stop.getAsBoolean()) {
            throw new Cancelled();
        }
    }

    private static int[] shuffled(int n, Random random) {
        int[] order = java.util.stream.IntStream.range(0, n).toArray();
        shuffle(order, random);
        return order;
    }

    private static void shuffle(int[] a, Random random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
