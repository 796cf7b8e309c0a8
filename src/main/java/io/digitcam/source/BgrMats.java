package io.digitcam.source;

import static org.bytedeco.opencv.global.opencv_core.CV_8U;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGRA2BGR;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_GRAY2BGR;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Copies whatever a decoder hands us into the packed BGR bytes a {@link FrameImage} carries.
 * Cameras deliver gray (IR cameras) or BGRA (some macOS/Windows backends) as well as BGR.
 * The scratch Mat is reused because a fresh native allocation per frame at 30 fps shows up in
 * profiles; so one instance belongs to one thread.
 */
final class BgrMats implements AutoCloseable {
    private final Mat scratch = new Mat();
    private final Mat scratch8 = new Mat();

    /** A fresh array; {@code src} is only read and may be released right after. */
    byte[] toBgr(Mat src) {
        Mat m = src;
        if (m.depth() != CV_8U) {
            // 16-bit or float frames (depth sensors, HDR files): scale into 8 bits.
            double scale = m.depth() <= 3 ? 1.0 / 256 : 255.0;
            m.convertTo(scratch8, CV_8U, scale, 0);
            m = scratch8;
        }
        int channels = m.channels();
        if (channels == 1) {
            cvtColor(m, scratch, COLOR_GRAY2BGR);
            m = scratch;
        } else if (channels == 4) {
            cvtColor(m, scratch, COLOR_BGRA2BGR);
            m = scratch;
        } else if (channels != 3) {
            throw new IllegalArgumentException("cannot show a " + channels + "-channel image");
        }
        return packed(m);
    }

    /** Packed rows of a 3-channel 8-bit Mat, copying row by row when the Mat is a strided view. */
    static byte[] packed(Mat bgr) {
        int rowBytes = bgr.cols() * 3;
        byte[] out = new byte[rowBytes * bgr.rows()];
        BytePointer data = bgr.data();
        if (bgr.isContinuous()) {
            data.get(out);
        } else {
            long step = bgr.step();
            for (int r = 0; r < bgr.rows(); r++) {
                data.position(r * step).get(out, r * rowBytes, rowBytes);
            }
            data.position(0);
        }
        return out;
    }

    @Override
    public void close() {
        scratch.close();
        scratch8.close();
    }
}
