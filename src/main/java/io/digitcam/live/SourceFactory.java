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
}
