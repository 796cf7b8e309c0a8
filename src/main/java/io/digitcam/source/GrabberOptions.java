package io.digitcam.source;

/**
 * How a {@link GrabberSource} treats its grabber.
 *
 * @param live             a camera: no end, failures are worth a retry, never paced (it already
 *                         runs at its own rate)
 * @param paced            sleep between frames so a file plays at its frame rate instead of as
 *                         fast as it decodes
 * @param loop             start a file again at its end instead of ending
 * @param darkFramesToDrop skip up to this many black frames at the start: webcams deliver a few
 *                         while their auto-exposure settles, and a black first frame reads as
 *                         "no digits" and flashes in the UI
 */
public record GrabberOptions(boolean live, boolean paced, boolean loop, int darkFramesToDrop) {
    public GrabberOptions {
        if (darkFramesToDrop < 0) {
            throw new IllegalArgumentException("darkFramesToDrop < 0");
        }
        if (live && (paced || loop)) {
            throw new IllegalArgumentException("a live source is neither paced nor looped");
        }
    }

    public static GrabberOptions camera() {
        return new GrabberOptions(true, false, false, 30);
    }

    public static GrabberOptions videoFile() {
        return new GrabberOptions(false, true, true, 0);
    }
}
