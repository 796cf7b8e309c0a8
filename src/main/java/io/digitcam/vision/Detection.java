package io.digitcam.vision;

import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * What the detector found in one frame: the candidate regions and the images they came from.
 * Owns native memory: close it (try-with-resources) once the regions are normalised.
 *
 * @param gray    the frame in grey levels, full resolution (the normaliser crops from it)
 * @param inkMask  which pixels counted as ink, at the detector's working resolution, both
 *                 polarities combined (for the debug view)
 * @param darkInk  the dark-on-light part of {@code inkMask}
 * @param lightInk the light-on-dark part of {@code inkMask}
 * @param scale    working resolution / frame resolution
 */
public record Detection(Mat gray, Mat inkMask, Mat darkInk, Mat lightInk, double scale, List<Region> regions)
        implements AutoCloseable {
    /** The ink of one polarity. */
    public Mat ink(Polarity polarity) {
        return polarity == Polarity.DARK_ON_LIGHT ? darkInk : lightInk;
    }

    @Override
    public void close() {
        gray.close();
        inkMask.close();
        darkInk.close();
        lightInk.close();
    }
}
