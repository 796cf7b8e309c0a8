package io.digitcam.train;

import io.digitcam.data.DigitSet;
import io.digitcam.model.Batches;
import io.digitcam.model.DigitImages;
import io.digitcam.model.Nd4jThreads;
import io.digitcam.model.SecondHead;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Trains a digit network on MNIST: shuffled, augmented mini-batches; after each epoch the
 * validation and test sets are scored, the best model by validation accuracy is kept, and a
 * checkpoint is written so an interrupted run can resume where it stopped. With weight
 * averaging on, the running average of the late epochs' weights competes for "best" too.
 */
public final class Trainer {
    private final TrainingOptions options;
    private final Consumer<String> log;

    public Trainer(TrainingOptions options, Consumer<String> log) {
        this.options = options;
        this.log = log;
    }

    /** Weight snapshots averaged per epoch: often enough to smooth out single noisy steps. */
    static final int SNAPSHOTS_PER_EPOCH = 4;
    private static final int CALIBRATION_IMAGES = 10_000;

    /**
     * What a finished run produced. {@code averages} holds the weight average's figures after each
     * averaging epoch; {@code bestAveraged} says whether the kept model is that average (as it
     * stood after {@code bestEpoch}) rather than the weights of that epoch itself.
     */
    public record Result(MultiLayerNetwork best, List<EpochStats> history, List<EpochStats> averages, int bestEpoch,
                         boolean bestAveraged, int snapshots, double seconds, DigitSet train, DigitSet validation,
                         DigitSet negatives, DigitSet extra, DigitSet extraValidation) {
        public EpochStats bestStats() {
            EpochStats stats = statsOf(history, averages, bestEpoch, bestAveraged);
            if (stats == null) {
                throw new java.util.NoSuchElementException("no figures for the kept model");
            }
            return stats;
        }
    }

    /** The figures of epoch {@code epoch}'s own weights, or of the weight average after it; null if none. */
    private static EpochStats statsOf(List<EpochStats> history, List<EpochStats> averages, int epoch,
                                      boolean averaged) {
        return (averaged ? averages : history).stream().filter(e -> e.epoch() == epoch).findFirst().orElse(null);
    }

    public Result train(DigitSet all, DigitSet test, ModelFiles files, boolean resume) throws IOException {
        return train(all, null, test, files, resume);
    }

    /**
     * With {@code negatives} (images of things that are not digits, all labelled
     * {@link Batches#NOT_A_DIGIT}) the network gets an 11th output; a tenth of them joins the
     * validation set, so the best epoch is the one that reads digits and turns down the rest.
     */
    public Result train(DigitSet all, DigitSet negatives, DigitSet test, ModelFiles files, boolean resume)
            throws IOException {
        return train(all, negatives, null, test, files, resume);
    }

    /**
     * With {@code extra} (labelled images from outside MNIST, such as crops harvested from scenes,
     * where label {@link Batches#NOT_A_DIGIT} means "not a digit") a tenth of it also joins the
     * validation set, so the kept epoch is the one that reads what the detector hands it too.
     */
    public Result train(DigitSet all, DigitSet negatives, DigitSet extra, DigitSet test, ModelFiles files,
                        boolean resume) throws IOException {
        DigitSet[] split = split(all);
        DigitSet train = split[0];
        DigitSet validation = split[1];
        int classes = Batches.DIGITS;
        if (negatives != null) {
            DigitSet[] held = holdOut(negatives, options.seed() + 1);
            train = concat(train, held[0]);
            validation = concat(validation, held[1]);
            classes = Batches.DIGITS + 1;
        }
        DigitSet extraValidation = null;
        if (extra != null) {
            DigitSet[] held = holdOut(extra, options.seed() + 2);
            train = concat(train, held[0]);
            validation = concat(validation, held[1]);
            extraValidation = held[1];
            for (byte label : extra.labels()) {
                if (label == Batches.NOT_A_DIGIT) {
                    classes = Batches.DIGITS + 1;
                }
            }
        }
        int itersPerEpoch = (train.size() + options.batchSize() - 1) / options.batchSize();

        Nd4jThreads.set(options.threads());
        Nd4j.getRandom().setSeed(options.seed());
        Checkpoint checkpoint = resume ? Checkpoint.read(files) : null;
        MultiLayerNetwork net;
        List<EpochStats> history = new ArrayList<>();
        List<EpochStats> averages = new ArrayList<>();
        WeightAverage average = new WeightAverage();
        Best best = new Best();
        double previousSeconds = 0;
        if (checkpoint != null) {
            net = ModelSerializer.restoreMultiLayerNetwork(files.checkpoint().toFile(), true);
            history.addAll(checkpoint.history());
            averages.addAll(checkpoint.averagesOrEmpty());
            best.epoch = checkpoint.bestEpoch();
            best.averaged = checkpoint.bestAveraged();
            best.stats = statsOf(history, averages, best.epoch, best.averaged);
            average = WeightAverage.read(files.checkpointAverage(), checkpoint.snapshots());
            previousSeconds = checkpoint.seconds();
            log.accept("Resuming after epoch " + history.size() + " of " + options.epochs());
        } else if (options.initial() != null) {
            MultiLayerNetwork initial = ModelSerializer.restoreMultiLayerNetwork(options.initial().toFile(), false);
            net = FineTuning.from(initial, options.seed(), classes, itersPerEpoch, options.epochs(),
                    options.headOnly());
            log.accept("Fine-tuning " + (options.headOnly() ? "the head of " : "") + options.initial());
        } else {
            net = new MultiLayerNetwork(options.architecture().configure(options.seed(), classes,
                    itersPerEpoch, options.epochs()));
            net.init();
        }
        log.accept(String.format("%s: %,d parameters; %,d training, %,d validation, %,d test images; batch %d, %d thread(s)%s",
                options.architecture(), net.numParams(), train.size(), validation.size(), test.size(),
                options.batchSize(), options.threads(), options.averageFrom() > 0
                        ? "; weights averaged from epoch " + options.averageFrom() : ""));

        long start = System.nanoTime();
        try (Augmenter augmenter = new Augmenter(Augmenter.Ranges.DEFAULT, options.seed())) {
            float[][] calibration = options.averageFrom() > 0 ? calibrationImages(train, augmenter) : null;
            for (int epoch = history.size() + 1; epoch <= options.epochs(); epoch++) {
                long epochStart = System.nanoTime();
                WeightAverage snapshots = epoch >= options.averageFrom() && options.averageFrom() > 0 ? average : null;
                double trainLoss = runEpoch(net, train, classes, augmenter, epoch, itersPerEpoch, snapshots);
                EpochStats stats = score(net, epoch, trainLoss, validation, test, epochStart);
                history.add(stats);
                boolean improved = best.offer(stats, false, net, files.model());
                log.accept(line("epoch", epoch, stats, improved));
                if (snapshots != null) {
                    MultiLayerNetwork averaged = average.averaged(net, calibration);
                    EpochStats avg = score(averaged, epoch, trainLoss, validation, test, System.nanoTime());
                    averages.add(avg);
                    boolean averageImproved = best.offer(avg, true, averaged, files.model());
                    log.accept(line("average of " + average.count() + " snapshots after epoch", epoch, avg,
                            averageImproved));
                }
                writeAtomically(net, files.checkpoint(), true);
                average.write(files.checkpointAverage());
                Checkpoint.write(files, new Checkpoint(history, best.epoch,
                        previousSeconds + (System.nanoTime() - start) / 1e9, averages, best.averaged, average.count()));
            }
        }
        double seconds = previousSeconds + (System.nanoTime() - start) / 1e9;
        // A finished --second-head run left the base model there, with the trained network inside.
        MultiLayerNetwork kept = SecondHead.read(files.model());
        if (kept == null) {
            kept = ModelSerializer.restoreMultiLayerNetwork(files.model().toFile(), false);
        }
        return new Result(kept, history, averages, best.epoch, best.averaged, average.count(), seconds, train,
                validation, negatives, extra, extraValidation);
    }

    /** The best model so far and its figures; a better one offered is written as the model file. */
    private static final class Best {
        EpochStats stats;
        int epoch;
        boolean averaged;

        boolean offer(EpochStats candidate, boolean isAverage, MultiLayerNetwork net, Path file) throws IOException {
            if (!better(candidate, stats)) {
                return false;
            }
            stats = candidate;
            epoch = candidate.epoch();
            averaged = isAverage;
            writeAtomically(net, file, false);
            return true;
        }
    }

    private EpochStats score(MultiLayerNetwork net, int epoch, double trainLoss, DigitSet validation, DigitSet test,
                             long since) {
        Scorer.Score val = validation.size() > 0 ? Scorer.score(net, validation) : null;
        Scorer.Score tst = Scorer.score(net, test);
        return new EpochStats(epoch, options.augment(), trainLoss, val != null ? val.loss() : Double.NaN,
                val != null ? val.accuracy() : Double.NaN, tst.loss(), tst.accuracy(), (System.nanoTime() - since) / 1e9);
    }

    /**
     * Higher validation accuracy wins; on a tie (common with a few thousand images) the lower
     * validation loss. Without a validation set the test set has to stand in.
     */
    private static boolean better(EpochStats candidate, EpochStats best) {
        if (best == null) {
            return true;
        }
        boolean noValidation = Double.isNaN(candidate.validationAccuracy());
        double acc = noValidation ? candidate.testAccuracy() : candidate.validationAccuracy();
        double bestAcc = noValidation ? best.testAccuracy() : best.validationAccuracy();
        double loss = noValidation ? candidate.testLoss() : candidate.validationLoss();
        double bestLoss = noValidation ? best.testLoss() : best.validationLoss();
        return acc > bestAcc || (acc == bestAcc && loss < bestLoss);
    }

    private String line(String what, int epoch, EpochStats s, boolean improved) {
        return String.format("%s %d/%d  train loss %.4f  validation %.4f / %.2f%%  test %.4f / %.2f%%  %.0fs%s",
                what, epoch, options.epochs(), s.trainLoss(), s.validationLoss(), 100 * s.validationAccuracy(),
                s.testLoss(), 100 * s.testAccuracy(), s.seconds(), improved ? "  (best so far, saved)" : "");
    }

    /** Augmented like the training batches: the statistics the batch norms learned during training. */
    private float[][] calibrationImages(DigitSet train, Augmenter augmenter) {
        int n = Math.min(CALIBRATION_IMAGES, train.size());
        int[] order = shuffled(train.size(), options.seed() * 17 + 3);
        float[][] images = new float[n][DigitImages.PIXELS];
        for (int i = 0; i < n; i++) {
            int src = order[i] * DigitImages.PIXELS;
            if (options.augment()) {
                augmenter.augment(train.pixels(), src, images[i], 0);
            } else {
                DigitImages.toUnit(train.pixels(), src, images[i], 0, DigitImages.PIXELS);
            }
        }
        return images;
    }

    private double runEpoch(MultiLayerNetwork net, DigitSet train, int classes, Augmenter augmenter, int epoch, int iters,
                            WeightAverage snapshots) {
        int[] order = shuffled(train.size(), options.seed() * 31 + epoch);
        int batch = options.batchSize();
        float[] buffer = new float[batch * DigitImages.PIXELS];
        double lossSum = 0;
        ProgressBarBuilder bar = new ProgressBarBuilder().setTaskName("epoch " + epoch).setInitialMax(iters)
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(1000).setMaxRenderedLength(100)
                .showSpeed().setSpeedUnit(java.time.temporal.ChronoUnit.SECONDS).setUnit(" batches", 1);
        try (ProgressBar pb = bar.build()) {
            for (int it = 0; it < iters; it++) {
                int from = it * batch;
                int n = Math.min(batch, train.size() - from);
                for (int i = 0; i < n; i++) {
                    int src = order[from + i] * DigitImages.PIXELS;
                    if (options.augment()) {
                        augmenter.augment(train.pixels(), src, buffer, i * DigitImages.PIXELS);
                    } else {
                        DigitImages.toUnit(train.pixels(), src, buffer, i * DigitImages.PIXELS, DigitImages.PIXELS);
                    }
                }
                float[] pixels = n == batch ? buffer : Arrays.copyOf(buffer, n * DigitImages.PIXELS);
                net.fit(new DataSet(Batches.features(pixels, n), Batches.oneHot(train.labels(), order, from, n, classes)));
                lossSum += net.score() * n;
                if (snapshots != null && isSnapshot(it, iters)) {
                    snapshots.add(net);
                }
                pb.step();
                pb.setExtraMessage(String.format(" loss %.4f", net.score()));
            }
        }
        net.incrementEpochCount();
        return lossSum / train.size();
    }

    /** Evenly spaced through the epoch, the last one at its end. */
    static boolean isSnapshot(int iteration, int iters) {
        int every = Math.max(1, iters / SNAPSHOTS_PER_EPOCH);
        return (iters - 1 - iteration) % every == 0 && iters - 1 - iteration < every * SNAPSHOTS_PER_EPOCH;
    }

    /** Training and validation parts of {@code all}: a seeded random hold-out, not the last N. */
    private DigitSet[] split(DigitSet all) {
        int[] order = shuffled(all.size(), options.seed());
        int validation = Math.min(options.validationSize(), all.size() / 5);
        int trainSize = all.size() - validation;
        if (options.limit() > 0) {
            trainSize = Math.min(trainSize, options.limit());
        }
        return new DigitSet[] {pick(all, order, validation, trainSize), pick(all, order, 0, validation)};
    }

    /** Training and validation parts of an added set: a seeded random tenth held out. */
    private static DigitSet[] holdOut(DigitSet set, long seed) {
        int held = set.size() / 10;
        int[] order = shuffled(set.size(), seed);
        return new DigitSet[] {pick(set, order, held, set.size() - held), pick(set, order, 0, held)};
    }

    private static DigitSet pick(DigitSet all, int[] order, int from, int count) {
        byte[] pixels = new byte[count * DigitImages.PIXELS];
        byte[] labels = new byte[count];
        for (int i = 0; i < count; i++) {
            int src = order[from + i];
            System.arraycopy(all.pixels(), src * DigitImages.PIXELS, pixels, i * DigitImages.PIXELS, DigitImages.PIXELS);
            labels[i] = all.labels()[src];
        }
        return new DigitSet(pixels, labels, all.imagesSha256(), all.labelsSha256());
    }

    /** {@code a} then {@code b}, under {@code a}'s checksums. */
    public static DigitSet concat(DigitSet a, DigitSet b) {
        byte[] pixels = java.util.Arrays.copyOf(a.pixels(), a.pixels().length + b.pixels().length);
        System.arraycopy(b.pixels(), 0, pixels, a.pixels().length, b.pixels().length);
        byte[] labels = java.util.Arrays.copyOf(a.labels(), a.size() + b.size());
        System.arraycopy(b.labels(), 0, labels, a.size(), b.size());
        return new DigitSet(pixels, labels, a.imagesSha256(), a.labelsSha256());
    }

    private static int[] shuffled(int n, long seed) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Random random = new Random(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    /** A crash mid-write must not leave a half model where a good one was. */
    static void writeAtomically(MultiLayerNetwork net, Path target, boolean withUpdater) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, target.getFileName().toString(), ".tmp");
        try {
            // The checkpoint keeps frozen layers frozen for --resume; a model file is for inference.
            ModelSerializer.writeModel(withUpdater ? net : FineTuning.thawed(net), tmp.toFile(), withUpdater);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
