package io.digitcam.capture;

import java.nio.file.Path;

/**
 * The files of one saved capture, all in the captures folder and sharing one base name.
 *
 * @param image     the raw frame, lossless PNG
 * @param annotated the frame with boxes and labels drawn, PNG
 * @param json      the sidecar: the {@code predict --json} object plus time, model, settings, source
 */
public record Capture(Path image, Path annotated, Path json) {
}
