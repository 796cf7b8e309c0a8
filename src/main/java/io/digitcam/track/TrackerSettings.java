package io.digitcam.track;

/**
 * How {@link DigitTracker} follows digits from frame to frame.
 *
 * @param minOverlap   intersection-over-union a detection needs with a track's last box to continue it
 * @param window       how many recent sightings vote on a track's label
 * @param maxMissed    frames a track survives without a sighting (a blink of the detector)
 * @param minSightings sightings before a track is shown: one-frame flickers never reach the screen
 * @param readMillis   how long a number must stay the same before it counts as read
 */
public record TrackerSettings(double minOverlap, int window, int maxMissed, int minSightings, long readMillis) {
    public static final TrackerSettings DEFAULT = new TrackerSettings(0.3, 8, 4, 2, 600);
}
