package io.digitcam.app;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the window starts with: from {@code config/digitcam.properties}, overridden on the
 * command line.
 *
 * @param source        "camera", "camera:N", "camera:NAME", "demo" or a file
 * @param captures      folder the Capture button writes to
 * @param minConfidence starting position of the threshold slider
 * @param model         the digit classifier asked for (the shipped one unless {@code --model})
 * @param verifier      the digit / not-a-digit verifier
 * @param threads       native threads for inference
 * @param data          the user's data folder: personal samples and the fine-tuned model
 * @param personalModel whether a fine-tuned model in {@code data} replaces {@code model} (false
 *                      when the user named a model with {@code --model})
 */
public record AppSettings(String source, Path captures, Path model, Path verifier, int width, int height, double fps,
                          double minConfidence, int threads, Path data, boolean personalModel) {
    /** Settings without a personal model, their data folder the user's own. */
    public AppSettings(String source, Path captures, Path model, Path verifier, int width, int height, double fps,
                       double minConfidence, int threads) {
        this(source, captures, model, verifier, width, height, fps, minConfidence, threads,
                io.digitcam.config.UserFolders.current().data(), false);
    }

    /** Where fine-tuning leaves the model it kept. */
    public Path personalModelFile() {
        return data.resolve("models").resolve("my-handwriting.zip");
    }

    public Path samples() {
        return data.resolve("samples");
    }

    /** The classifier to start with: the fine-tuned one if there is one and it may be used, else {@link #model}. */
    public Path startModel() {
        return personalModel && Files.isRegularFile(personalModelFile()) ? personalModelFile() : model;
    }
}
