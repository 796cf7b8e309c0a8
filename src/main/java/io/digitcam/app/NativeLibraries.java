package io.digitcam.app;

import io.digitcam.model.BlasThreads;
import io.digitcam.model.DigitClassifier;
import io.digitcam.model.VerifierModel;
import io.digitcam.model.CompiledModelCache;
import io.digitcam.model.Nd4jThreads;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.openblas.global.openblas;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts ND4J and loads OpenBLAS on the calling thread, before the window opens and before the
 * threads that load OpenCV, FFmpeg and GTK's modules.
 *
 * <p>When ND4J's backend starts, and whenever the BLAS thread count is set, JavaCPP finds
 * functions by walking the loaded libraries with {@code dl_iterate_phdr} and closing handles
 * inside that walk. That takes glibc's two loader locks in the opposite order to a
 * {@code dlopen} on another thread. The app used to load the model on one thread while the
 * grabber thread loaded OpenCV and FFmpeg and GTK loaded its modules, and about one launch in ten
 * froze for good: no video, and deaf to Ctrl+C and {@code kill}, whose handling needs a new thread
 * and so the same lock. Loads that only {@code dlopen} may overlap: they take the locks in the
 * same order.
 *
 * <p>OpenCV is not loaded early with OpenBLAS, though it would save half a second: loaded before
 * GTK forks at start-up (its accessibility bridge), with {@code --threads 2}, OpenBLAS's fork
 * handler often hung and the window never came. {@link ModelPreload} loads it once JavaFX is
 * starting.
 *
 * <p>ND4J itself takes about a second to start. When both models have been compiled before (see
 * {@link CompiledModelCache}) nothing in the app needs it, and only OpenBLAS is loaded and its
 * thread count set.
 */
public final class NativeLibraries {
    private static final Logger LOG = LoggerFactory.getLogger(NativeLibraries.class);
    private static Thread early;

    private NativeLibraries() {
    }

    /**
     * Starts loading OpenBLAS on a thread of its own while the command line and the settings are
     * parsed (half a second each). Only for the app, whose {@link #load} waits for it before
     * anything walks the loaded libraries; nothing else in the process loads native code meanwhile.
     */
    public static synchronized void startLoading() {
        if (early == null) {
            early = new Thread(() -> {
                try {
                    Loader.load(openblas.class);
                } catch (RuntimeException | LinkageError e) {
                    LOG.debug("OpenBLAS did not load early", e);
                }
            }, "digitcam-openblas");
            early.setDaemon(true);
            early.start();
        }
    }

    private static synchronized void awaitEarly() {
        if (early != null) {
            try {
                early.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Starts ND4J whatever the models (the UI tests switch between models DL4J must load). */
    static void load(int inferenceThreads) {
        load(inferenceThreads, false);
    }

    static void load(AppSettings settings) {
        CompiledModelCache cache = CompiledModelCache.standard();
        // With samples the user may fine-tune, which needs ND4J: start it now, before the other threads load
        // their libraries, rather than in the middle of the session (see above).
        boolean mayTrain = java.nio.file.Files.isDirectory(settings.samples());
        load(settings.threads(), !mayTrain && cache.has(settings.startModel(), DigitClassifier.CACHE_ROLE)
                && cache.has(settings.verifier(), VerifierModel.CACHE_ROLE));
    }

    private static void load(int threads, boolean compiledBefore) {
        long start = System.nanoTime();
        awaitEarly();
        try {
            Loader.load(openblas.class);
            StartupProbe.mark("openblas");
            if (compiledBefore) {
                BlasThreads.set(threads);
                LOG.debug("OpenBLAS loaded in {} ms; both models compiled before, ND4J not started",
                        (System.nanoTime() - start) / 1_000_000);
                return;
            }
            Nd4jThreads.set(threads);
        } catch (RuntimeException | LinkageError e) {
            // Loading the model fails on it again and says so in the window.
            LOG.debug("ND4J did not start", e);
        }
        LOG.debug("ND4J started in {} ms", (System.nanoTime() - start) / 1_000_000);
    }
}
