package io.digitcam.live;

import io.digitcam.source.FrameSource;
import io.digitcam.source.SourceException;

/**
 * Makes a fresh, unopened source. Sources are single-use (closing one is final, so another
 * thread can always stop a blocked grab); retrying a camera means making a new one.
 */
@FunctionalInterface
public interface SourceFactory {
    FrameSource create() throws SourceException;

    /**
     * A fresh source, or {@code old} if none can be made now: opening the stale one then fails
     * again with a clear message, and the caller's retry loop carries on.
     */
    default FrameSource createOr(FrameSource old) {
        try {
            return create();
        } catch (SourceException e) {
            return old;
        }
    }
}
