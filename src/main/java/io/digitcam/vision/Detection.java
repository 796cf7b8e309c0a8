package io.digitcam.vision;

import static org.bytedeco.opencv.global.opencv_core.bitwise_or;

import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * What the detector found in one frame: the candidate regions and the images they came from.
 * Owns native memory: close it (try-with-resources) once the regions are normalised.
 *
 * @param gray    the frame in grey levels, full resolution (the normaliser crops from it)
 * @param darkInk  which pixels counted as dark-on-light ink, at the detector's working resolution
 * @param lightInk which pixels counted as light-on-dark ink, likewise
 * @param scale    working resolution / frame resolution
 */
public record Detection(Mat gray, Mat darkInk, Mat lightInk, double scale, List<Region> regions)
        implements AutoCloseable {
    /** The ink of one polarity. */
    public Mat ink(Polarity polarity) {
        return polarity == Polarity.DARK_ON_LIGHT ? darkInk : lightInk;
    }

    /**
     * Both polarities' ink in one mask, for the debug views: a new Mat the caller closes. Made on
     * request, as only those views need it.
     */
    public Mat combinedInk() {
        Mat both = new Mat();
        bitwise_or(darkInk, lightInk, both);
        return both;
    }

    @Override
    public void close() {
        gray.close();
        darkInk.close();
        lightInk.close();
    }
}
