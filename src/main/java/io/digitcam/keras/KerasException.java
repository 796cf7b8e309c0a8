package io.digitcam.keras;

import java.nio.file.Path;

/**
 * A Keras file DigitCam cannot import; the message is one line naming the file (the model or its
 * weights) and what is not supported. A {@code ModelLoadException}, so {@code --model} reports it
 * like any other unusable model.
 */
public final class KerasException extends io.digitcam.model.ModelLoadException {
    public KerasException(Path file, String problem) {
        super(file, problem);
    }

    public KerasException(Path file, String problem, Throwable cause) {
        super(file, problem, cause);
    }
}
