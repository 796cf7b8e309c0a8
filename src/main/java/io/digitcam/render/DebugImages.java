package io.digitcam.render;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgproc.*;

import io.digitcam.model.DigitImages;
import io.digitcam.model.DigitPrediction;
import io.digitcam.vision.Box;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/** Pictures of the pipeline's insides, for seeing why a digit was or was not read. */
public final class DebugImages {
    private static final int CELL = 84;

    private DebugImages() {
    }

    /**
     * What each stage saw, drawn on a copy of the frame: every proposal in thin grey, those the
     * verifier accepted in yellow with its probability, and the digits read in green.
     */
    public static Mat stages(Mat bgr, List<Box> proposed, List<Box> verified, List<Double> probabilities,
                             List<Box> read) {
        Mat out = bgr.clone();
        int thick = Math.max(1, Math.min(bgr.cols(), bgr.rows()) / 360);
        for (Box b : proposed) {
            box(out, b, new Scalar(150, 150, 150, 0), 1);
        }
        for (int i = 0; i < verified.size(); i++) {
            Box b = verified.get(i);
            box(out, b, new Scalar(0, 220, 255, 0), thick);
            putText(out, String.format("%.2f", probabilities.get(i)), new Point(b.x(), b.bottom() + 12 * thick),
                    FONT_HERSHEY_SIMPLEX, 0.35 * thick, new Scalar(0, 220, 255, 0), 1, LINE_AA, false);
        }
        for (Box b : read) {
            box(out, b, new Scalar(60, 200, 60, 0), 2 * thick);
        }
        return out;
    }

    private static void box(Mat img, Box b, Scalar color, int thickness) {
        rectangle(img, new Point(b.x(), b.y()), new Point(b.right(), b.bottom()), color, thickness, LINE_8, 0);
    }

    /** The normalised 28×28 crops, enlarged, each captioned with its prediction. */
    public static Mat crops(List<byte[]> crops, List<DigitPrediction> predictions) {
        int n = Math.max(1, crops.size());
        int perRow = Math.min(n, 10);
        int rows = (n + perRow - 1) / perRow;
        Mat sheet = new Mat(rows * (CELL + 22), perRow * CELL, CV_8UC3, new Scalar(40, 40, 40, 0));
        for (int i = 0; i < crops.size(); i++) {
            int x = (i % perRow) * CELL;
            int y = (i / perRow) * (CELL + 22);
            try (Mat crop = new Mat(DigitImages.SIDE, DigitImages.SIDE, CV_8UC1); Mat big = new Mat();
                 Mat color = new Mat(); Mat cell = new Mat(sheet, new Rect(x, y, CELL, CELL))) {
                crop.data().put(crops.get(i));
                resize(crop, big, new Size(CELL, CELL), 0, 0, INTER_NEAREST);
                cvtColor(big, color, COLOR_GRAY2BGR);
                color.copyTo(cell);
            }
            DigitPrediction p = predictions.get(i);
            String caption = p.rejected() ? String.format("no %.2f", p.nonDigitProbability())
                    : String.format("%d %.2f", p.label(), p.probability());
            putText(sheet, caption, new Point(x + 4, y + CELL + 16),
                    FONT_HERSHEY_SIMPLEX, 0.5, new Scalar(255, 255, 255, 0), 1, LINE_AA, false);
        }
        return sheet;
    }
}
