package io.digitcam.source;

/** A source could not open or deliver a frame; the message is one line, fit for the status bar. */
public final class SourceException extends Exception {
    public SourceException(String message) {
        super(message);
    }

    public SourceException(String message, Throwable cause) {
        super(message, cause);
    }
}
