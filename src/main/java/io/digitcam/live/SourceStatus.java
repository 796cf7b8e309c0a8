package io.digitcam.live;

/**
 * What the grabber thread reports about its source, for the status bar.
 *
 * @param firstOpen true when the failure happened on the very first attempt to open the source
 *                  (the app falls back to the demo then, instead of retrying a camera that
 *                  was never there)
 */
public record SourceStatus(State state, String description, String message, boolean firstOpen) {
    public enum State {
        /** Frames are flowing. */
        RUNNING,
        /** The source failed; the grabber retries after a pause. */
        RETRYING,
        /** A file could not be read: nothing more will come. */
        STOPPED,
        /** A finite source (a file that does not loop) played to its end: nothing more will come. */
        ENDED
    }
}
