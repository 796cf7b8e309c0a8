package io.digitcam.app;

import java.nio.file.Path;

/**
 * What the window starts with: from {@code config/digitcam.properties}, overridden on the
 * command line.
 *
 * @param source        "camera", "camera:N", "camera:NAME", "demo" or a file
 * @param captures      folder the Capture button writes to
 * @param minConfidence starting position of the threshold slider
 * @param model         the digit classifier
 * @param verifier      the digit / not-a-digit verifier
 * @param threads       native threads for inference
 */
public record AppSettings(String source, Path captures, Path model, Path verifier, int width, int height, double fps,
                          double minConfidence, int threads) {
}
