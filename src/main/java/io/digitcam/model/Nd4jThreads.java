package io.digitcam.model;

import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * Sets ND4J's native thread counts from code. Its default OpenMP threading spins every core on
 * each small op: a LeNet forward pass measured ~10x slower on 2 cores than with one thread.
 * Both knobs are needed: OpenMP for ND4J's own ops, BLAS for the GEMMs inside convolutions.
 */
public final class Nd4jThreads {
    private static int current;

    private Nd4jThreads() {
    }

    /**
     * Does nothing when the count is already set: the BLAS setter looks its symbols up by walking
     * every loaded library, which can deadlock against another thread loading one (see the app's
     * {@code NativeLibraries}), so the app sets the count once, before its other threads start.
     */
    public static synchronized void set(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        if (threads == current) {
            return;
        }
        // Nd4j first: NativeOpsHolder fails with an NPE unless the backend has been loaded.
        Nd4j.factory().blas().setMaxThreads(threads);
        NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(threads);
        BlasThreads.setByNd4j(threads);
        current = threads;
    }
}
