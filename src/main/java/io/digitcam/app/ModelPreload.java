package io.digitcam.app;

import io.digitcam.model.Checksums;
import io.digitcam.model.DigitClassifier;
import io.digitcam.model.ModelLoadException;
import io.digitcam.verify.DigitVerifier;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.opencv.global.opencv_imgproc;

/**
 * Loads OpenCV's libraries and the models on their own thread while JavaFX opens the window:
 * the window, the first frame and the first reading each waited for the one before. Loading only
 * {@code dlopen}s, which may overlap with GTK's loads (see {@link NativeLibraries}, which has
 * already done what may not).
 */
final class ModelPreload {
    /** What the reading pipeline is built from. */
    record Models(DigitClassifier classifier, DigitVerifier verifier, java.nio.file.Path model, String modelSha256,
                  String note) {
    }

    private ModelPreload() {
    }

    static CompletableFuture<Models> start(AppSettings settings) {
        CompletableFuture<Models> models = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                Loader.load(opencv_imgproc.class);
                models.complete(load(settings));
            } catch (Throwable e) {
                models.completeExceptionally(e);
            }
        }, "digitcam-preload");
        t.setDaemon(true);
        t.start();
        return models;
    }

    static Models load(AppSettings settings) throws ModelLoadException, IOException {
        java.nio.file.Path model = settings.startModel();
        DigitClassifier classifier;
        String note = null;
        try {
            classifier = DigitClassifier.load(model, settings.threads());
        } catch (ModelLoadException e) {
            if (model.equals(settings.model())) {
                throw e;
            }
            // A damaged fine-tuned model must not cost the user the app: the shipped one still reads.
            note = "Your fine-tuned model could not be read (" + e.getMessage() + "); using " + settings.model().getFileName();
            model = settings.model();
            classifier = DigitClassifier.load(model, settings.threads());
        }
        DigitVerifier verifier = DigitVerifier.load(settings.verifier());
        StartupProbe.mark("models");
        return new Models(classifier, verifier, model, Checksums.sha256(model), note);
    }

    /** The models, or the reason they could not be loaded as thrown by {@link #load}. */
    static Models await(CompletableFuture<Models> models) throws Exception {
        try {
            return models.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }
}
