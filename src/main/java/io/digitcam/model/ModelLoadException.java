package io.digitcam.model;

/** A model file that cannot be used; the message is one line naming the file and the reason. */
public class ModelLoadException extends java.io.IOException {
    public ModelLoadException(java.nio.file.Path file, String problem) {
        super(file + ": " + problem);
    }

    public ModelLoadException(java.nio.file.Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
    }
}
