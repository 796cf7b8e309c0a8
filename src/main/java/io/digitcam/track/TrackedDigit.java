package io.digitcam.track;

import io.digitcam.vision.Box;

/**
 * A digit followed across frames: its voted label (what the screen shows), the mean confidence
 * of the sightings that voted for it, and where it was last seen.
 *
 * @param id        stable for the life of the track
 * @param sightings how many frames have seen it
 */
public record TrackedDigit(int id, int label, double confidence, Box box, int sightings) {
}
