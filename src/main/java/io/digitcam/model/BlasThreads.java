package io.digitcam.model;

import org.bytedeco.openblas.global.openblas;
import org.bytedeco.openblas.presets.openblas_nolapack;

/**
 * OpenBLAS's thread count for the compiled networks, set without starting ND4J. Like
 * {@link Nd4jThreads} the setter finds its symbol by walking the loaded libraries, so it is set
 * once, before other threads load native code, and later calls with the same count do nothing.
 */
public final class BlasThreads {
    private static int current;

    private BlasThreads() {
    }

    public static synchronized void set(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        if (threads == current) {
            return;
        }
        org.bytedeco.javacpp.Loader.load(openblas.class);
        openblas_nolapack.blas_set_num_threads(threads);
        current = threads;
    }

    /** ND4J has set the same library's count. */
    static synchronized void setByNd4j(int threads) {
        current = threads;
    }
}
