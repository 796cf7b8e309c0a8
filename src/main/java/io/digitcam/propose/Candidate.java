package io.digitcam.propose;

import io.digitcam.vision.Box;
import io.digitcam.vision.Polarity;

/**
 * A place in the frame that may hold one digit, as the proposer found it.
 *
 * @param box      in frame pixels
 * @param polarity which way round ink and surface are
 * @param level    the pyramid level whose ink map it came from (0 = working resolution)
 * @param levelBox the same box in that level's pixels, where its ink map is read
 * @param contrast mean ink contrast over the box (0..1)
 */
public record Candidate(Box box, Polarity polarity, int level, Box levelBox, double contrast) {
}
