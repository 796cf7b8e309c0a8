package io.digitcam.track;

/**
 * How {@link DigitTracker} follows digits from frame to frame.
 *
 * @param minOverlap   intersection-over-union a detection needs with a track's last box to continue it
 * @param window       how many recent sightings vote on a track's label
 * @param maxMissed    frames a track survives without a sighting (a blink of the detector)
 * @param minSightings sightings before a track is shown: one-frame flickers never reach the screen
 * @param readMillis   how long a number must stay the same before it counts as read
 * @param takeOver     this many sightings in a row, each at least {@code takeOverConfidence}, that
 *                     agree on a label the vote does not show replace the vote: the digit itself
 *                     changed (a sheet swapped in front of the lens), and outvoting the old
 *                     label would show it on the new digit for about 5 frames
 * @param takeOverConfidence see {@code takeOver}; a digit that wavers between two close labels
 *                     rarely gives both with this confidence twice in a row
 */
public record TrackerSettings(double minOverlap, int window, int maxMissed, int minSightings, long readMillis,
                              int takeOver, double takeOverConfidence) {
    public static final TrackerSettings DEFAULT = new TrackerSettings(0.3, 8, 4, 2, 600, 2, 0.9);
}
