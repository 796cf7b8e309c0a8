package io.digitcam.model;

import io.digitcam.util.ErrorText;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The digit / not-a-digit network: {@code channels} maps of side×side floats per candidate in,
 * the probability that it is one digit out. Runs on the compiled path when it matches DL4J.
 * Confined to one thread, like {@link DigitClassifier}.
 */
public final class VerifierModel {
    private static final Logger LOG = LoggerFactory.getLogger(VerifierModel.class);
    private static final int PROBE = 8;
    public static final String CACHE_ROLE = "verifier";

    private final Path file;
    private final MultiLayerNetwork net;
    private final FoldedCnn folded;
    private final int channels;
    private final int side;

    private VerifierModel(Path file, MultiLayerNetwork net, FoldedCnn folded, int channels, int side) {
        this.file = file;
        this.net = net;
        this.folded = folded;
        this.channels = channels;
        this.side = side;
    }

    /** Loads a verifier that must take {@code channels}×{@code side}×{@code side} inputs. */
    public static VerifierModel load(Path file, int channels, int side) throws ModelLoadException {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new ModelLoadException(file, Files.exists(file) ? "not a readable file" : "verifier model not found");
        }
        CompiledModelCache cache = CompiledModelCache.standard();
        var cached = cache.find(file, CACHE_ROLE);
        if (cached.isPresent() && cached.get().net().side() == side) {
            BlasThreads.set(1);
            return new VerifierModel(file, null, cached.get().net(), channels, side);
        }
        MultiLayerNetwork net;
        try {
            net = ModelSerializer.restoreMultiLayerNetwork(file.toFile(), false);
        } catch (Exception | AssertionError e) {
            throw new ModelLoadException(file, "corrupt or not a DL4J network (" + ErrorText.oneLine(e) + ")", e);
        }
        VerifierModel model = of(file, net, channels, side);
        if (model.folded != null) {
            cache.store(file, CACHE_ROLE, new CompiledModelCache.Entry(model.folded, net.numParams(), 2));
        }
        return model;
    }

    /** A verifier around a network in memory (training evaluates its own this way). */
    public static VerifierModel of(Path file, MultiLayerNetwork net, int channels, int side) throws ModelLoadException {
        Nd4jThreads.set(1);
        float[] probe = probe(PROBE * channels * side * side);
        float[][] reference;
        try {
            reference = net.output(Nd4j.create(probe, new long[] {PROBE, channels, side, side}, DataType.FLOAT), false)
                    .toFloatMatrix();
        } catch (RuntimeException e) {
            throw new ModelLoadException(file, "does not take " + channels + "×" + side + "×" + side
                    + " inputs, as a verifier must (" + ErrorText.oneLine(e) + ")", e);
        }
        if (reference[0].length != 2) {
            throw new ModelLoadException(file, "has " + reference[0].length + " outputs, a verifier has 2");
        }
        FoldedCnn folded = null;
        try {
            folded = FoldedCnnCompiler.compile(net, side);
            float[][] fast = folded.outputs(probe, PROBE)[0];
            for (int i = 0; i < PROBE; i++) {
                if (Math.abs(fast[i][1] - reference[i][1]) > 1e-3) {
                    LOG.warn("{}: compiled verifier differs from DL4J; using DL4J's slower path", file);
                    folded = null;
                    break;
                }
            }
        } catch (FoldedCnnCompiler.UnsupportedNetworkException e) {
            LOG.info("{}: {}; using DL4J's output path", file, e.getMessage());
        }
        return new VerifierModel(file, net, folded, channels, side);
    }

    private static float[] probe(int n) {
        Random random = new Random(11);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = random.nextFloat() < 0.3f ? random.nextFloat() : 0f;
        }
        return x;
    }

    public Path file() {
        return file;
    }

    /** The DL4J network; null when the compiled one was read from the cache. */
    public MultiLayerNetwork network() {
        return net;
    }

    public boolean compiled() {
        return folded != null;
    }

    /** P(one digit) for {@code count} inputs laid out [count][channels][side][side]. */
    public float[] digitProbabilities(float[] inputs, int count) {
        float[] out = new float[count];
        if (count == 0) {
            return out;
        }
        if (folded == null) {
            Nd4jThreads.onThisThread();
        }
        float[][] probs = folded != null ? folded.outputs(inputs, count)[0]
                : net.output(Nd4j.create(inputs, new long[] {count, channels, side, side}, DataType.FLOAT), false)
                .toFloatMatrix();
        for (int i = 0; i < count; i++) {
            out[i] = probs[i][1];
        }
        return out;
    }
}
