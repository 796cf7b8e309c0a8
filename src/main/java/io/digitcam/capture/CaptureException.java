package io.digitcam.capture;

/**
 * A capture could not be saved. The message is one line naming the captures folder and the
 * reason, fit for the status bar; nothing of the capture is left on disk.
 */
public final class CaptureException extends Exception {
    public CaptureException(String message) {
        super(message);
    }

    public CaptureException(String message, Throwable cause) {
        super(message, cause);
    }
}
