package io.digitcam.model;

import io.digitcam.util.ErrorText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Classifies 28×28 digit crops (MNIST format: white ink on black, bytes 0..255) with a trained
 * model, a whole frame's crops in one call.
 *
 * <p>Confined to one thread: the first thread that classifies owns it, since neither DL4J
 * networks nor the compiled fast path are thread-safe. The model is checked and warmed up at
 * load, so the first live frame does not pay for JIT and native initialisation.
 */
public final class DigitClassifier {
    private static final Logger LOG = LoggerFactory.getLogger(DigitClassifier.class);
    /** Largest allowed difference between the compiled path and DL4J on the warm-up batch. */
    private static final double FOLD_TOLERANCE = 1e-3;
    private static final int WARM_UP_BATCH = 16;

    private final Path file;
    private final MultiLayerNetwork net;
    private final FoldedCnn folded;
    private final int outputs;
    private Thread owner;

    private DigitClassifier(Path file, MultiLayerNetwork net, FoldedCnn folded, int outputs) {
        this.file = file;
        this.net = net;
        this.folded = folded;
        this.outputs = outputs;
    }

    /** Loads with ND4J limited to one native thread, which is fastest for small batches. */
    public static DigitClassifier load(Path file) throws ModelLoadException {
        return load(file, 1);
    }

    public static DigitClassifier load(Path file, int threads) throws ModelLoadException {
        return load(file, threads, true);
    }

    /** {@code allowCompiled = false} forces DL4J's own output path (for benchmarks and checks). */
    public static DigitClassifier load(Path file, int threads, boolean allowCompiled) throws ModelLoadException {
        MultiLayerNetwork net = read(file);
        Nd4jThreads.set(threads);
        float[] probe = warmUpInput();
        float[][] reference;
        try {
            reference = net.output(Batches.features(probe, WARM_UP_BATCH), false).toFloatMatrix();
        } catch (RuntimeException e) {
            throw new ModelLoadException(file, "does not take " + DigitImages.SIDE + "×" + DigitImages.SIDE
                    + " single-channel images (" + ErrorText.oneLine(e) + ")", e);
        }
        int outputs = reference[0].length;
        if (outputs != Batches.DIGITS && outputs != Batches.DIGITS + 1) {
            throw new ModelLoadException(file, "has " + outputs + " outputs, expected " + Batches.DIGITS
                    + " (one per digit) or " + (Batches.DIGITS + 1) + " (digits and \"not a digit\")");
        }
        FoldedCnn folded = allowCompiled ? compile(file, net, probe, reference) : null;
        DigitClassifier classifier = new DigitClassifier(file, net, folded, outputs);
        for (int i = 0; i < 20; i++) {
            classifier.probabilities(probe, WARM_UP_BATCH);
        }
        return classifier;
    }

    private static MultiLayerNetwork read(Path file) throws ModelLoadException {
        if (!Files.exists(file)) {
            throw new ModelLoadException(file, "model file not found");
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new ModelLoadException(file, "not a readable file");
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.getEntry("configuration.json") == null || zip.getEntry("coefficients.bin") == null) {
                throw new ModelLoadException(file, "not a DL4J model (the zip has no configuration.json/coefficients.bin)");
            }
        } catch (ModelLoadException e) {
            throw e;
        } catch (ZipException e) {
            throw new ModelLoadException(file, "not a DL4J model (not a zip archive, or a truncated one)");
        } catch (IOException e) {
            throw new ModelLoadException(file, "cannot be read (" + e.getMessage() + ")");
        }
        try {
            return ModelSerializer.restoreMultiLayerNetwork(file.toFile(), false);
        } catch (Exception | AssertionError e) {
            throw new ModelLoadException(file, "corrupt or not a MultiLayerNetwork (" + ErrorText.oneLine(e) + ")", e);
        }
    }

    private static FoldedCnn compile(Path file, MultiLayerNetwork net, float[] probe, float[][] reference) {
        try {
            FoldedCnn folded = FoldedCnn.compile(net, DigitImages.SIDE);
            float[][] fast = folded.output(probe, WARM_UP_BATCH);
            double worst = 0;
            for (int i = 0; i < fast.length; i++) {
                for (int c = 0; c < fast[i].length; c++) {
                    worst = Math.max(worst, Math.abs(fast[i][c] - reference[i][c]));
                }
            }
            if (worst > FOLD_TOLERANCE) {
                LOG.warn("{}: compiled network differs from DL4J by {}; using DL4J's slower path", file, worst);
                return null;
            }
            return folded;
        } catch (FoldedCnn.UnsupportedNetworkException e) {
            LOG.info("{}: {}; using DL4J's output path", file, e.getMessage());
            return null;
        }
    }

    /** Deterministic strokes-and-noise images: any input exercises every code path the same way. */
    private static float[] warmUpInput() {
        Random random = new Random(7);
        float[] x = new float[WARM_UP_BATCH * DigitImages.PIXELS];
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextFloat() < 0.2f ? random.nextFloat() : 0f;
        }
        return x;
    }

    public Path file() {
        return file;
    }

    public long parameters() {
        return net.numParams();
    }

    /** 10 for a digits-only model, 11 when it also answers "not a digit". */
    public int outputs() {
        return outputs;
    }

    /** True when the compiled fast path is in use; false when DL4J's own output() is. */
    public boolean compiled() {
        return folded != null;
    }

    /** Classifies every crop (784 bytes each) in one batch; results are in the same order. */
    public List<DigitPrediction> classify(List<byte[]> crops) {
        checkThread();
        if (crops.isEmpty()) {
            return List.of();
        }
        float[] x = new float[crops.size() * DigitImages.PIXELS];
        for (int i = 0; i < crops.size(); i++) {
            byte[] crop = crops.get(i);
            if (crop.length != DigitImages.PIXELS) {
                throw new IllegalArgumentException("crop " + i + " has " + crop.length + " bytes, expected "
                        + DigitImages.PIXELS);
            }
            DigitImages.toUnit(crop, 0, x, i * DigitImages.PIXELS, DigitImages.PIXELS);
        }
        float[][] probs = probabilities(x, crops.size());
        List<DigitPrediction> out = new ArrayList<>(probs.length);
        for (float[] p : probs) {
            out.add(predict(p));
        }
        return out;
    }

    public DigitPrediction classify(byte[] crop) {
        return classify(List.of(crop)).get(0);
    }

    private float[][] probabilities(float[] x, int count) {
        return folded != null ? folded.output(x, count)
                : net.output(Batches.features(x, count), false).toFloatMatrix();
    }

    static DigitPrediction predict(float[] p) {
        int best = 0;
        int second = -1;
        for (int i = 1; i < Batches.DIGITS; i++) {
            if (p[i] > p[best]) {
                second = best;
                best = i;
            } else if (second < 0 || p[i] > p[second]) {
                second = i;
            }
        }
        return new DigitPrediction(best, p[best], second, p[second], p.length > Batches.DIGITS ? p[Batches.NOT_A_DIGIT] : 0);
    }

    private void checkThread() {
        Thread current = Thread.currentThread();
        if (owner == null) {
            owner = current;
        } else if (owner != current) {
            throw new IllegalStateException("DigitClassifier is confined to thread " + owner.getName()
                    + ", called from " + current.getName());
        }
    }
}
