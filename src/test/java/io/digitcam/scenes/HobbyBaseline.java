package io.digitcam.scenes;

import static org.bytedeco.opencv.global.opencv_core.*;
import static org.bytedeco.opencv.global.opencv_imgproc.*;

import io.digitcam.model.DigitClassifier;
import io.digitcam.model.DigitImages;
import io.digitcam.recognize.NumberReader;
import io.digitcam.recognize.Recognition;
import io.digitcam.recognize.RecognizedDigit;
import io.digitcam.recognize.Recognizer;
import io.digitcam.vision.Box;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * The pipeline of the hobby scripts DigitCam replaces, for comparison: Otsu threshold of the
 * whole frame, external contours, and each raw bounding box resized straight to 28×28.
 */
final class HobbyBaseline {
    private final DigitClassifier classifier;
    private final double minConfidence;

    HobbyBaseline(DigitClassifier classifier, double minConfidence) {
        this.classifier = classifier;
        this.minConfidence = minConfidence;
    }

    Recognition recognize(Mat bgr) {
        long start = System.nanoTime();
        List<Box> boxes = new ArrayList<>();
        List<byte[]> crops = new ArrayList<>();
        try (Mat gray = new Mat(); Mat bin = new Mat(); MatVector contours = new MatVector(); Mat hierarchy = new Mat()) {
            cvtColor(bgr, gray, COLOR_BGR2GRAY);
            bitwise_not(gray, gray);
            threshold(gray, bin, 0, 255, THRESH_BINARY | THRESH_OTSU);
            findContours(bin.clone(), contours, hierarchy, RETR_EXTERNAL, CHAIN_APPROX_SIMPLE);
            for (long i = 0; i < contours.size(); i++) {
                Rect r = boundingRect(contours.get(i));
                if (r.height() < 10 || r.width() < 3 || r.height() > bgr.rows() / 2) {
                    continue;
                }
                try (Mat roi = new Mat(gray, r); Mat small = new Mat()) {
                    resize(roi, small, new Size(DigitImages.SIDE, DigitImages.SIDE));
                    byte[] crop = new byte[DigitImages.PIXELS];
                    small.data().get(crop);
                    crops.add(crop);
                    boxes.add(new Box(r.x(), r.y(), r.width(), r.height()));
                }
            }
        }
        List<RecognizedDigit> digits = Recognizer.confident(classifier.classify(crops), boxes, minConfidence);
        NumberReader.Reading reading = new NumberReader(0.5, 0.8).read(digits);
        return new Recognition(bgr.cols(), bgr.rows(), reading.ordered(), reading.numbers(),
                (System.nanoTime() - start) / 1e6);
    }
}
