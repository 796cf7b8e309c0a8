package io.digitcam.render;

import static org.bytedeco.opencv.global.opencv_imgproc.*;

import io.digitcam.recognize.Recognition;
import io.digitcam.recognize.RecognizedDigit;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Scalar;

/**
 * Draws a recognition onto a BGR image: a box per digit with its label and confidence, and the
 * numbers read in a banner. Sizes follow the image so the marks stay legible from 320×240 to 4K.
 */
public final class Annotator {
    private static final Scalar BOX = new Scalar(60, 200, 60, 0);
    private static final Scalar UNSURE = new Scalar(0, 170, 255, 0);
    private static final Scalar TEXT_BG = new Scalar(20, 20, 20, 0);
    private static final Scalar WHITE = new Scalar(255, 255, 255, 0);

    private Annotator() {
    }

    /** Draws in place. Digits below {@code sureConfidence} are drawn in orange. */
    public static void draw(Mat bgr, Recognition r, double sureConfidence) {
        double unit = Math.max(1, Math.min(bgr.cols(), bgr.rows()) / 480.0);
        int thickness = (int) Math.max(1, Math.round(2 * unit));
        double fontScale = 0.55 * unit;
        for (RecognizedDigit d : r.digits()) {
            Scalar color = d.confidence() >= sureConfidence ? BOX : UNSURE;
            rectangle(bgr, new Point(d.box().x(), d.box().y()), new Point(d.box().right(), d.box().bottom()), color,
                    thickness, LINE_AA, 0);
            String label = String.format("%d %.2f", d.label(), d.confidence());
            label(bgr, label, d.box().x(), Math.max(0, d.box().y() - thickness), fontScale, color, thickness);
        }
        String banner = r.numbers().isEmpty() ? "no digits" : "read: " + String.join("  ", r.numbers());
        label(bgr, banner, (int) (8 * unit), (int) (8 * unit) + textHeight(fontScale * 1.4, thickness), fontScale * 1.4,
                WHITE, thickness);
    }

    private static int textHeight(double scale, int thickness) {
        int[] baseline = new int[1];
        return getTextSize("0", FONT_HERSHEY_SIMPLEX, scale, thickness, baseline).height();
    }

    /** Text on a dark plate, its baseline at (x, y). */
    private static void label(Mat img, String text, int x, int y, double scale, Scalar color, int thickness) {
        int[] baseline = new int[1];
        org.bytedeco.opencv.opencv_core.Size size = getTextSize(text, FONT_HERSHEY_SIMPLEX, scale, thickness, baseline);
        int top = Math.max(0, y - size.height() - 4);
        rectangle(img, new Point(x - 2, top), new Point(x + size.width() + 2, y + baseline[0]), TEXT_BG, FILLED,
                LINE_8, 0);
        putText(img, text, new Point(x, y - 2), FONT_HERSHEY_SIMPLEX, scale, color, thickness, LINE_AA, false);
    }
}
