package io.digitcam.model;

import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * Sets ND4J's native thread counts from code. Its default OpenMP threading spins every core on
 * each small op: a LeNet forward pass measured ~10x slower on 2 cores than with one thread.
 * Both knobs are needed: OpenMP for ND4J's own ops, BLAS for the GEMMs inside convolutions.
 */
public final class Nd4jThreads {
    private Nd4jThreads() {
    }

    public static void set(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        // Nd4j first: NativeOpsHolder fails with an NPE unless the backend has been loaded.
        Nd4j.factory().blas().setMaxThreads(threads);
        NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(threads);
    }
}
