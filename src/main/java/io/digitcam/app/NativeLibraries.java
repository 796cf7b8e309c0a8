package io.digitcam.app;

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
 */
final class NativeLibraries {
    private static final Logger LOG = LoggerFactory.getLogger(NativeLibraries.class);

    private NativeLibraries() {
    }

    static void load(int inferenceThreads) {
        long start = System.nanoTime();
        try {
            Loader.load(openblas.class);
            Nd4jThreads.set(inferenceThreads);
        } catch (RuntimeException | LinkageError e) {
            // Loading the model fails on it again and says so in the window.
            LOG.debug("ND4J did not start", e);
        }
        LOG.debug("ND4J started in {} ms", (System.nanoTime() - start) / 1_000_000);
    }
}
