package io.digitcam.source;

import org.bytedeco.javacv.FrameGrabber;

/**
 * Makes a configured, not yet started grabber. A Supplier that may refuse: the camera factory
 * checks the device is there first, because a grabber's start() on a missing camera can take
 * ten seconds to fail. Called again when a looping video restarts.
 */
@FunctionalInterface
public interface GrabberFactory {
    FrameGrabber create() throws SourceException;
}
