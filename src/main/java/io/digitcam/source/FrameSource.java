package io.digitcam.source;

/**
 * Where frames come from: a camera, a video file, a still image or the built-in demo. Used by
 * one thread at a time (the grabber thread); {@link #close()} may be called from another thread
 * to stop a blocked {@link #grab()}.
 */
public interface FrameSource extends AutoCloseable {
    /** Opens the device or file. Fails with a one-line message (no camera, unreadable file...). */
    void open() throws SourceException;

    /**
     * The next frame, blocking until it is due (a video plays at its own rate, a camera at
     * its). Null when a finite source has ended. Fails when the device went away mid-stream.
     */
    FrameImage grab() throws SourceException;

    /** For the status bar: "camera 0 (/dev/video0)", "demo", "video clip.mp4"... */
    String description();

    /** True for live devices: a failure is worth retrying, and there is no end. */
    boolean live();

    /**
     * True when frames come at their own rate (a camera, a file or the demo played in real
     * time); false when they come as fast as they can be made (benchmarks). An unpaced source
     * is only asked for a frame once the worker has taken the previous one: otherwise it would
     * spend a core rendering or decoding frames that are replaced before anyone looks at them.
     */
    default boolean paced() {
        return true;
    }

    @Override
    void close();
}
