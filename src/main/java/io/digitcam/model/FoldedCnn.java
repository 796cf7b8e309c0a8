package io.digitcam.model;

import static org.bytedeco.openblas.global.openblas.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas.CblasRowMajor;
import static org.bytedeco.openblas.global.openblas.cblas_sgemm;

import java.util.ArrayList;
import org.bytedeco.javacpp.FloatPointer;
import java.util.List;

/**
 * A trained CNN run for inference without DL4J: each batch norm already folded into the
 * convolution or dense layer before it ({@link FoldedCnnCompiler} builds one from a DL4J network,
 * {@link FoldedCnnFile} stores it), every convolution one im2col + one BLAS GEMM for the batch.
 *
 * <p>Why not {@code net.output()}: DL4J's layer-by-layer path spends most of its time in
 * im2col, broadcasts and batch-norm ops around a small GEMM; on 2 cores it measured 2.5 ms per
 * crop for this network, several times the work the GEMMs need. The results are the same as
 * DL4J's (tests compare them on MNIST), so DL4J stays the training and storage format.
 *
 * <p>A {@link SecondHead} shares the convolutional layers, so they run once and only the dense
 * layers run twice.
 *
 * <p>Activations are kept channel-major across the batch ({@code [C][B][H][W]}) so a layer's
 * GEMM output is directly the next layer's input. Not thread-safe: it reuses its buffers.
 */
final class FoldedCnn {
    sealed interface Step permits Conv, Pool, Dense {
    }

    /** Valid convolution, stride 1, with folded bias; {@code w} is [out][in·k·k]. */
    record Conv(int in, int out, int k, float[] w, float[] b, boolean relu) implements Step {
    }

    record Pool(int k, int stride) implements Step {
    }

    /** Fully connected; {@code w} is [in][out] as DL4J stores it. */
    record Dense(int in, int out, float[] w, float[] b, Act act) implements Step {
    }

    enum Act { IDENTITY, RELU, SOFTMAX }

    /** Convolutions and pooling, then the dense layers of each head on the flattened features. */
    private final List<Step> trunk;
    private final List<Dense> head;
    private final List<Dense> secondHead;
    private final int side;
    private float[] bufA = new float[0];
    private float[] bufB = new float[0];
    private float[] cols = new float[0];
    private FloatPointer nativeIn;
    private FloatPointer nativeOut;
    // Weights live in native memory once: copying them in on every call cost as much as im2col.
    private final java.util.Map<float[], FloatPointer> nativeWeights = new java.util.IdentityHashMap<>();

    FoldedCnn(List<Step> trunk, List<Dense> head, List<Dense> secondHead, int side) {
        this.trunk = trunk;
        this.head = head;
        this.secondHead = secondHead;
        this.side = side;
    }

    /**
     * This network with {@code other}'s dense layers as a second head on the same features. The
     * caller has checked that {@code other}'s convolutional layers are this network's to the bit
     * (DigitClassifier does, on the DL4J networks), so they are computed once for both.
     */
    FoldedCnn withSecondHead(FoldedCnn other) {
        return new FoldedCnn(trunk, head, other.head, side);
    }

    List<Step> trunk() {
        return trunk;
    }

    List<Dense> head() {
        return head;
    }

    List<Dense> secondHead() {
        return secondHead;
    }

    boolean hasSecondHead() {
        return !secondHead.isEmpty();
    }

    int side() {
        return side;
    }

    /**
     * Class probabilities for {@code count} images of side×side floats, one after another in
     * {@code input}, from both heads: {first, second}, each [count][classes], the second null
     * without a second head.
     */
    float[][][] outputs(float[] input, int count) {
        float[] features = features(input, count);
        return new float[][][] {probabilities(head, features, count),
            secondHead.isEmpty() ? null : probabilities(secondHead, features, count)};
    }

    /** The trunk's output flattened as DL4J does for a dense layer: [count][C·H·W]. */
    float[] features(float[] input, int count) {
        // Input is [B][C][H][W]; for one channel that is already [C][B][H][W].
        int channels = trunk.isEmpty() || !(trunk.get(0) instanceof Conv first) ? 1 : first.in();
        int plane = side * side;
        float[] x = ensure(true, count * channels * plane);
        if (channels == 1) {
            System.arraycopy(input, 0, x, 0, count * plane);
        } else {
            for (int b = 0; b < count; b++) {
                for (int c = 0; c < channels; c++) {
                    System.arraycopy(input, (b * channels + c) * plane, x, (c * count + b) * plane, plane);
                }
            }
        }
        int h = side;
        boolean inA = true;
        for (Step step : trunk) {
            float[] src = inA ? bufA : bufB;
            if (step instanceof Conv c) {
                int ho = h - c.k() + 1;
                float[] dst = ensure(!inA, c.out() * count * ho * ho);
                im2col(src, c.in(), count, h, c.k(), ho);
                int n = count * ho * ho;
                int kk = c.in() * c.k() * c.k();
                gemm(c.out(), n, kk, weights(c.w()), staged(cols, kk * n), dst);
                addBias(dst, c.b(), c.out(), n, c.relu());
                channels = c.out();
                h = ho;
                inA = !inA;
            } else if (step instanceof Pool p) {
                int ho = (h - p.k()) / p.stride() + 1;
                float[] dst = ensure(!inA, channels * count * ho * ho);
                maxPool(src, dst, channels * count, h, ho, p.k(), p.stride());
                h = ho;
                inA = !inA;
            }
        }
        return toRows(inA ? bufA : bufB, channels, count, h);
    }

    private float[][] probabilities(List<Dense> layers, float[] features, int count) {
        float[] flat = features;
        int flatWidth = features.length / count;
        for (Dense d : layers) {
            if (flatWidth != d.in()) {
                throw new IllegalStateException("dense layer expects " + d.in() + " inputs, got " + flatWidth);
            }
            float[] out = new float[count * d.out()];
            gemm(count, d.out(), d.in(), staged(flat, count * d.in()), weights(d.w()), out);
            for (int r = 0; r < count; r++) {
                int o = r * d.out();
                for (int j = 0; j < d.out(); j++) {
                    out[o + j] += d.b()[j];
                }
            }
            switch (d.act()) {
                case RELU -> relu(out, out.length);
                case SOFTMAX -> softmax(out, count, d.out());
                default -> { }
            }
            flat = out;
            flatWidth = d.out();
        }
        float[][] probs = new float[count][flatWidth];
        for (int r = 0; r < count; r++) {
            System.arraycopy(flat, r * flatWidth, probs[r], 0, flatWidth);
        }
        return probs;
    }

    /** c[m×n] = a[m×k] · b[k×n], row-major; only c's elements are copied back. */
    private void gemm(int m, int n, int k, FloatPointer a, FloatPointer b, float[] c) {
        nativeOut = fit(nativeOut, (long) m * n);
        cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, m, n, k, 1f, a, k, b, n, 0f, nativeOut, n);
        nativeOut.get(c, 0, m * n);
    }

    /**
     * The first {@code size} elements of {@code values} in native memory. JavaCPP's float[]
     * overloads would copy whole arrays in and out on every call, and these arrays are sized for
     * the largest batch seen.
     */
    private FloatPointer staged(float[] values, int size) {
        nativeIn = fit(nativeIn, size).put(values, 0, size);
        return nativeIn;
    }

    private FloatPointer weights(float[] w) {
        return nativeWeights.computeIfAbsent(w, FloatPointer::new);
    }

    private static FloatPointer fit(FloatPointer p, long size) {
        if (p != null && p.capacity() >= size) {
            return p.position(0);
        }
        if (p != null) {
            p.close();
        }
        return new FloatPointer(size);
    }

    /** Adds each output channel's bias to its {@code n} values, and applies ReLU if asked. */
    private static void addBias(float[] v, float[] bias, int channels, int n, boolean relu) {
        for (int o = 0; o < channels; o++) {
            float b = bias[o];
            int from = o * n;
            int to = from + n;
            if (relu) {
                for (int i = from; i < to; i++) {
                    v[i] = Math.max(v[i] + b, 0f);
                }
            } else {
                for (int i = from; i < to; i++) {
                    v[i] += b;
                }
            }
        }
    }

    private float[] ensure(boolean a, int size) {
        if (a) {
            if (bufA.length < size) {
                bufA = new float[size];
            }
            return bufA;
        }
        if (bufB.length < size) {
            bufB = new float[size];
        }
        return bufB;
    }

    /** [C][B][H][H] → columns [(c,ky,kx)][(b,y,x)]. */
    private void im2col(float[] src, int channels, int batch, int h, int k, int ho) {
        int n = batch * ho * ho;
        int size = channels * k * k * n;
        if (cols.length < size) {
            cols = new float[size];
        }
        int row = 0;
        for (int c = 0; c < channels; c++) {
            for (int ky = 0; ky < k; ky++) {
                for (int kx = 0; kx < k; kx++) {
                    int dst = row * n;
                    for (int b = 0; b < batch; b++) {
                        int plane = (c * batch + b) * h * h;
                        for (int y = 0; y < ho; y++) {
                            // A plain loop: System.arraycopy's call overhead dominates for rows of 8–24.
                            int from = plane + (y + ky) * h + kx;
                            for (int x = 0; x < ho; x++) {
                                cols[dst + x] = src[from + x];
                            }
                            dst += ho;
                        }
                    }
                    row++;
                }
            }
        }
    }

    private static void maxPool(float[] src, float[] dst, int planes, int h, int ho, int k, int stride) {
        if (k == 2 && stride == 2) {
            maxPool2(src, dst, planes, h, ho);
            return;
        }
        for (int p = 0; p < planes; p++) {
            int in = p * h * h;
            int out = p * ho * ho;
            for (int y = 0; y < ho; y++) {
                for (int x = 0; x < ho; x++) {
                    float m = Float.NEGATIVE_INFINITY;
                    for (int dy = 0; dy < k; dy++) {
                        int rowStart = in + (y * stride + dy) * h + x * stride;
                        for (int dx = 0; dx < k; dx++) {
                            m = Math.max(m, src[rowStart + dx]);
                        }
                    }
                    dst[out + y * ho + x] = m;
                }
            }
        }
    }

    /** The common 2×2, stride 2 case, unrolled. */
    private static void maxPool2(float[] src, float[] dst, int planes, int h, int ho) {
        for (int p = 0; p < planes; p++) {
            int in = p * h * h;
            int out = p * ho * ho;
            for (int y = 0; y < ho; y++) {
                int r0 = in + 2 * y * h;
                int r1 = r0 + h;
                int o = out + y * ho;
                for (int x = 0; x < ho; x++) {
                    dst[o + x] = Math.max(Math.max(src[r0 + 2 * x], src[r0 + 2 * x + 1]),
                            Math.max(src[r1 + 2 * x], src[r1 + 2 * x + 1]));
                }
            }
        }
    }

    /** [C][B][H][W] → [B][C·H·W], DL4J's flattening order for the first dense layer. */
    private static float[] toRows(float[] src, int channels, int batch, int h) {
        int plane = h * h;
        float[] out = new float[batch * channels * plane];
        for (int c = 0; c < channels; c++) {
            for (int b = 0; b < batch; b++) {
                System.arraycopy(src, (c * batch + b) * plane, out, (b * channels + c) * plane, plane);
            }
        }
        return out;
    }

    /**
     * Math.max, not a conditional: C2 turns it into a vector max, while {@code x > 0 ? x : 0}
     * stayed a branch that mispredicts on half the activations (3.5 ms against 0.08 ms for a
     * batch of 16 here).
     */
    private static void relu(float[] v, int n) {
        for (int i = 0; i < n; i++) {
            v[i] = Math.max(v[i], 0f);
        }
    }

    private static void softmax(float[] v, int rows, int cols) {
        for (int r = 0; r < rows; r++) {
            int o = r * cols;
            float max = Float.NEGATIVE_INFINITY;
            for (int i = 0; i < cols; i++) {
                max = Math.max(max, v[o + i]);
            }
            double sum = 0;
            for (int i = 0; i < cols; i++) {
                v[o + i] = (float) Math.exp(v[o + i] - max);
                sum += v[o + i];
            }
            for (int i = 0; i < cols; i++) {
                v[o + i] /= (float) sum;
            }
        }
    }
}
