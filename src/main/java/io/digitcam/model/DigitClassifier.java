package io.digitcam.model;


import io.digitcam.keras.ImportedModel;
import io.digitcam.keras.InputSpec;
import io.digitcam.keras.KerasFile;
import io.digitcam.keras.KerasImporter;
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
 * <p>A model may carry a {@link SecondHead}: dense layers fine-tuned on the crops our own
 * detector cuts from photos (printed digits among them, which MNIST has none of) on the same,
 * frozen, convolutional features. It is asked only about crops the first head calls "not a
 * digit", and its answer stands only if it reads a digit surely enough. So it can add digits
 * the first head turned down, but never changes a digit the first head read: on MNIST the pair
 * can only do better than the first head alone, whose accuracy the model was chosen for.
 *
 * <p>Confined to one thread: the first thread that classifies owns it, since neither DL4J
 * networks nor the compiled fast path are thread-safe. The model is checked and warmed up at
 * load, so the first live frame does not pay for JIT and native initialisation.
 *
 * <p>A model imported from Keras ({@code import-keras}, or a Keras file named directly) carries
 * its own {@link InputSpec}: its layout (often NHWC), side (32 for LeNet-5) and pixel scale. It
 * answers digits only. It runs on the compiled path when its layers are ones that path has (see
 * {@link #compileImported}), otherwise on DL4J's own.
 */
public final class DigitClassifier {
    private static final Logger LOG = LoggerFactory.getLogger(DigitClassifier.class);
    /** Largest allowed difference between the compiled path and DL4J on the warm-up batch. */
    private static final double FOLD_TOLERANCE = 1e-3;
    private static final int WARM_UP_BATCH = 16;
    /**
     * How sure the second head must be of a digit for its answer to stand, and of a "1". It never
     * learnt that a bar or a stick is not a digit (whether one is a "1" is the detector's call, so
     * harvested bars were left out of its training), and on clutter the first head turned down it
     * read book spines, wedges and a board's edge as "1" at 0.6–0.9. On 1,000 generated scenes
     * 0.7 for every digit read 97.0% of the digits but one more false digit per 250 empty frames
     * and three more beside real ones; a "1" held to 0.9 reads none of them, for two real "1"s.
     */
    public static final double SECOND_HEAD_MIN = 0.7;
    public static final String CACHE_ROLE = "classifier";
    public static final double SECOND_HEAD_MIN_ONE = 0.9;

    private final Path file;
    private final MultiLayerNetwork net;
    private final MultiLayerNetwork secondHead;
    private final FoldedCnn folded;
    private final int outputs;
    /** How an imported network takes its input; null for DigitCam's own (NCHW 28×28, 0..1). */
    private final InputSpec input;
    private final long parameters;
    private Thread owner;

    /** {@code net} and {@code secondHead} are null when the compiled network came from the cache. */
    private DigitClassifier(Path file, MultiLayerNetwork net, MultiLayerNetwork secondHead, FoldedCnn folded,
                            int outputs, InputSpec input, long parameters) {
        this.file = file;
        this.net = net;
        this.secondHead = secondHead;
        this.folded = folded;
        this.outputs = outputs;
        this.input = input;
        this.parameters = parameters;
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
        CompiledModelCache cache = CompiledModelCache.standard();
        if (allowCompiled && !KerasFile.isKerasName(file)) {
            var cached = cache.find(file, CACHE_ROLE);
            if (cached.isPresent()) {
                BlasThreads.set(threads);
                var e = cached.get();
                return warmedUp(new DigitClassifier(file, null, null, e.net(), e.outputs(), null, e.parameters()),
                        warmUpInput());
            }
        }
        MultiLayerNetwork net;
        InputSpec input;
        MultiLayerNetwork second;
        if (KerasFile.isKerasName(file)) {
            ImportedModel imported = importKeras(file);
            net = imported.network();
            input = imported.input();
            second = null;
        } else {
            net = read(file);
            input = readInput(file);
            second = readSecondHead(file, net);
        }
        Nd4jThreads.set(threads);
        float[] probe = warmUpInput();
        float[][] reference;
        try {
            reference = net.output(features(input, probe, WARM_UP_BATCH), false).toFloatMatrix();
        } catch (RuntimeException e) {
            throw new ModelLoadException(file, "does not take " + (input == null ? DigitImages.SIDE + "×"
                    + DigitImages.SIDE + " single-channel images" : input.describe() + " input") + " ("
                    + ErrorText.oneLine(e) + ")", e);
        }
        int outputs = reference[0].length;
        if (outputs != Batches.DIGITS && outputs != Batches.DIGITS + 1) {
            throw new ModelLoadException(file, "has " + outputs + " outputs, expected " + Batches.DIGITS
                    + " (one per digit) or " + (Batches.DIGITS + 1) + " (digits and \"not a digit\")");
        }
        float[][] secondReference = null;
        if (second != null) {
            if (outputs != Batches.DIGITS + 1) {
                throw new ModelLoadException(file, "has a second head but no \"not a digit\" output to consult it on");
            }
            secondReference = second.output(Batches.features(probe, WARM_UP_BATCH), false).toFloatMatrix();
            if (secondReference[0].length != Batches.DIGITS + 1) {
                throw new ModelLoadException(file, "its second head has " + secondReference[0].length
                        + " outputs, expected " + (Batches.DIGITS + 1));
            }
        }
        FoldedCnn folded = !allowCompiled ? null : input == null
                ? compile(file, net, second, probe, reference, secondReference)
                : compileImported(file, net, input, probe, reference);
        DigitClassifier classifier = new DigitClassifier(file, net, second, folded, outputs, input,
                countParameters(net, second));
        if (folded != null && input == null) {
            // An imported model's cache entry would lose its input description; those load through DL4J.
            cache.store(file, CACHE_ROLE, new CompiledModelCache.Entry(folded, classifier.parameters(), outputs));
        }
        return warmedUp(classifier, probe);
    }

    private static DigitClassifier warmedUp(DigitClassifier classifier, float[] probe) {
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

    /** A Keras file named as {@code --model}: imported as {@code import-keras} would with its defaults. */
    private static ImportedModel importKeras(Path file) throws ModelLoadException {
        return KerasImporter.importModel(file, null, null);
    }

    /** The input an imported model's zip declares; null for DigitCam's own models. */
    private static InputSpec readInput(Path file) throws ModelLoadException {
        try {
            return ImportedModel.inputOf(file);
        } catch (IOException e) {
            throw new ModelLoadException(file, ErrorText.oneLine(e), e);
        }
    }

    private static org.nd4j.linalg.api.ndarray.INDArray features(InputSpec input, float[] x, int count) {
        return input == null ? Batches.features(x, count) : input.features(x, count);
    }

    /** The model's second head, null if it has none; its convolutional layers must be the model's own. */
    private static MultiLayerNetwork readSecondHead(Path file, MultiLayerNetwork net) throws ModelLoadException {
        MultiLayerNetwork second;
        try {
            second = SecondHead.read(file);
        } catch (Exception | AssertionError e) {
            throw new ModelLoadException(file, "its second head is corrupt (" + ErrorText.oneLine(e) + ")", e);
        }
        if (second != null && !sameFeatures(net, second)) {
            throw new ModelLoadException(file, "its second head was not trained on this model's convolutional layers");
        }
        return second;
    }

    /** Same layers with the same parameters up to the first dense layer. */
    private static boolean sameFeatures(MultiLayerNetwork a, MultiLayerNetwork b) {
        int last;
        try {
            last = SecondHead.lastFeatureLayer(a);
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (b.getnLayers() <= last + 1) {
            return false;
        }
        for (int i = 0; i <= last; i++) {
            var la = a.getLayer(i);
            var lb = b.getLayer(i);
            if (la.conf().getLayer().getClass() != lb.conf().getLayer().getClass() || la.numParams() != lb.numParams()
                    || la.numParams() > 0 && !java.util.Arrays.equals(la.params().toFloatVector(),
                    lb.params().toFloatVector())) {
                return false;
            }
        }
        return true;
    }

    private static FoldedCnn compile(Path file, MultiLayerNetwork net, MultiLayerNetwork second, float[] probe,
                                     float[][] reference, float[][] secondReference) {
        try {
            FoldedCnn folded = FoldedCnnCompiler.compile(net, DigitImages.SIDE);
            if (second != null) {
                folded = folded.withSecondHead(FoldedCnnCompiler.compile(second, DigitImages.SIDE));
            }
            float[][][] fast = folded.outputs(probe, WARM_UP_BATCH);
            double worst = Math.max(difference(fast[0], reference), difference(fast[1], secondReference));
            if (worst > FOLD_TOLERANCE) {
                LOG.warn("{}: compiled network differs from DL4J by {}; using DL4J's slower path", file, worst);
                return null;
            }
            return folded;
        } catch (FoldedCnnCompiler.UnsupportedNetworkException e) {
            LOG.info("{}: {}; using DL4J's output path", file, e.getMessage());
            return null;
        }
    }

    /**
     * An imported network on the compiled path where its layers allow: a 28×28 input (the compiled
     * path takes our crops as they are; 32×32 would need padding), ReLU and softmax, batch norm
     * only right after a convolution or dense layer. Its pixel scale is folded into its first
     * layer. Checked against DL4J like our own models, and DL4J's path kept if they differ.
     */
    private static FoldedCnn compileImported(Path file, MultiLayerNetwork net, InputSpec input, float[] probe,
                                             float[][] reference) {
        if (input.side() != DigitImages.SIDE) {
            LOG.info("{}: a {} input; using DL4J's output path", file, input.describe());
            return null;
        }
        try {
            // The compiled path is given unit pixels (byte / 255); the network wants byte / divisor + offset.
            FoldedCnn folded = FoldedCnnCompiler.compile(net, DigitImages.SIDE, (float) (255 / input.divisor()),
                    (float) input.offset());
            double worst = difference(folded.outputs(probe, WARM_UP_BATCH)[0], reference);
            if (worst > FOLD_TOLERANCE) {
                LOG.warn("{}: compiled network differs from DL4J by {}; using DL4J's slower path", file, worst);
                return null;
            }
            return folded;
        } catch (FoldedCnnCompiler.UnsupportedNetworkException e) {
            LOG.info("{}: {}; using DL4J's output path", file, e.getMessage());
            return null;
        }
    }

    private static double difference(float[][] a, float[][] b) {
        double worst = 0;
        for (int i = 0; a != null && i < a.length; i++) {
            for (int c = 0; c < a[i].length; c++) {
                worst = Math.max(worst, Math.abs(a[i][c] - b[i][c]));
            }
        }
        return worst;
    }

    /**
     * Deterministic strokes-and-noise images: any input exercises every code path the same way.
     * Each pixel a byte / 255, as real crops are: an imported model's input is rebuilt from the
     * bytes ({@link InputSpec#features}), so other floats would not reach it unchanged and the
     * check against the compiled path would measure the rounding.
     */
    private static float[] warmUpInput() {
        Random random = new Random(7);
        float[] x = new float[WARM_UP_BATCH * DigitImages.PIXELS];
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextFloat() < 0.2f ? Math.round(random.nextFloat() * 255) / 255f : 0f;
        }
        return x;
    }

    public Path file() {
        return file;
    }

    /** Both heads' parameters, the shared convolutional layers counted once. */
    public long parameters() {
        return parameters;
    }

    private static long countParameters(MultiLayerNetwork net, MultiLayerNetwork secondHead) {
        if (secondHead == null) {
            return net.numParams();
        }
        long shared = 0;
        for (int i = 0; i <= SecondHead.lastFeatureLayer(net); i++) {
            shared += net.getLayer(i).numParams();
        }
        return net.numParams() + secondHead.numParams() - shared;
    }

    /** 10 for a digits-only model, 11 when it also answers "not a digit". */
    public int outputs() {
        return outputs;
    }

    /** True when the model carries a second head (see the class comment). */
    public boolean hasSecondHead() {
        return folded != null ? folded.hasSecondHead() : secondHead != null;
    }

    /** How an imported Keras model takes its input; null for DigitCam's own models. */
    public InputSpec input() {
        return input;
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
        float[][][] probs = probabilities(x, crops.size());
        List<DigitPrediction> out = new ArrayList<>(crops.size());
        for (int i = 0; i < crops.size(); i++) {
            out.add(answer(probs[0][i], probs[1] == null ? null : probs[1][i]));
        }
        return out;
    }

    public DigitPrediction classify(byte[] crop) {
        return classify(List.of(crop)).get(0);
    }

    /** {first head's, second head's} probabilities; the second null without a second head. */
    private float[][][] probabilities(float[] x, int count) {
        if (folded != null) {
            return folded.outputs(x, count);
        }
        Nd4jThreads.onThisThread();
        var features = features(input, x, count);
        return new float[][][] {net.output(features, false).toFloatMatrix(),
            secondHead == null ? null : secondHead.output(features, false).toFloatMatrix()};
    }

    /** The first head's answer, unless it says "not a digit" and the second head reads a digit surely enough. */
    static DigitPrediction answer(float[] first, float[] second) {
        DigitPrediction p = predict(first);
        if (second == null || !p.rejected()) {
            return p;
        }
        DigitPrediction q = predict(second);
        return q.rejected() || q.probability() < (q.label() == 1 ? SECOND_HEAD_MIN_ONE : SECOND_HEAD_MIN) ? p : q;
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
