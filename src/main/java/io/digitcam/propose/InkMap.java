package io.digitcam.propose;

import io.digitcam.vision.Box;
import io.digitcam.vision.Polarity;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * How strongly each pixel of one pyramid level stands out as ink of one polarity: 0..255 for
 * contrast 0..1 against the surface, in the colour channel where it is largest. The verifier
 * reads its candidates from these maps, so it sees ink the same way on white paper, a pink
 * sticky note or a green board.
 */
public record InkMap(int level, Polarity polarity, Mat contrast, double fx, double fy) {
    /** A box in this level's pixels as frame pixels. */
    public Box toFrame(Box levelBox) {
        int x = (int) Math.floor(levelBox.x() * fx);
        int y = (int) Math.floor(levelBox.y() * fy);
        return new Box(x, y, (int) Math.ceil(levelBox.right() * fx) - x, (int) Math.ceil(levelBox.bottom() * fy) - y);
    }
}
