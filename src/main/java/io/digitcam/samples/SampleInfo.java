package io.digitcam.samples;

import io.digitcam.vision.Box;
import java.nio.file.Path;

/**
 * What the sidecar records of a sample besides its pixels.
 *
 * @param source          the source's description ("image sheet.png", "camera 0: …")
 * @param frameSequence   the frame's number within its source
 * @param box             the digit's box in the frame
 * @param shownLabel      the steadied label the overlay showed, -1 for none
 * @param shownConfidence its confidence
 * @param frameLabel      this frame's own reading of the digit, -1 if the frame did not read it
 * @param frameConfidence its confidence
 * @param model           the classifier file that read it, null if unknown
 * @param modelSha256     its SHA-256, null if unknown
 */
public record SampleInfo(String source, long frameSequence, int frameWidth, int frameHeight, Box box,
                         int shownLabel, double shownConfidence, int frameLabel, double frameConfidence,
                         Path model, String modelSha256) {
}
