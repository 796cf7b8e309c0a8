package io.digitcam.model;

import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * Sets ND4J's native thread counts from code. Its default OpenMP threading spins every core on
 * each small op: a LeNet forward pass measured ~10x slower on 2 cores than with one thread.
 * Both knobs are needed: OpenMP for ND4J's own ops, BLAS for the GEMMs inside convolutions.
 */
public final class Nd4jThreads {
    // Written under the class's lock by set(); read without it by every thread that runs ND4J's ops.
    private static volatile int current;
    private static final ThreadLocal<Integer> APPLIED = ThreadLocal.withInitial(() -> 0);

    private Nd4jThreads() {
    }

    /**
     * Sets the process's count, and the calling thread's. The BLAS part is skipped when the count
     * is already set: its setter looks its symbols up by walking every loaded library, which can
     * deadlock against another thread loading one (see the app's {@code NativeLibraries}), so the
     * app sets the count once, before its other threads start.
     */
    public static synchronized void set(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        if (threads != current) {
            // Nd4j first: NativeOpsHolder fails with an NPE unless the backend has been loaded.
            Nd4j.factory().blas().setMaxThreads(threads);
            BlasThreads.setByNd4j(threads);
            current = threads;
        }
        onThisThread();
    }

    /**
     * OpenMP keeps the count per thread: one that never set it runs ND4J's ops on every core (the
     * Learn thread was seen keeping a second core busy beside the video). This setter is a plain
     * call, so each thread that runs ND4J's ops applies the process's count for itself, once.
     */
    public static void onThisThread() {
        int threads = current;
        if (threads > 0 && APPLIED.get() != threads) {
            NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(threads);
            APPLIED.set(threads);
        }
    }
}
