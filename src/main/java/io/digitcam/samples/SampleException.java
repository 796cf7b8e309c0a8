package io.digitcam.samples;

/** A sample could not be saved; the message is one line for the status bar. */
public final class SampleException extends Exception {
    public SampleException(String message, Throwable cause) {
        super(message, cause);
    }

    public SampleException(String message) {
        super(message);
    }
}
