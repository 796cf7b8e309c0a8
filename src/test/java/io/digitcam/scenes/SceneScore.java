package io.digitcam.scenes;

import io.digitcam.recognize.Recognition;
import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.List;

/** Tallies how a reader did against generated ground truth. */
public final class SceneScore {
    int truthDigits;
    int digitsCorrect;
    int digitsFound;
    int truthNumbers;
    int numbersExact;
    int digitFrames;
    int framesExact;
    int emptyFrames;
    int falseOnEmpty;
    int falseOnDigitFrames;
    double millisSum;
    final List<Double> millis = new ArrayList<>();

    public void add(Scene scene, Recognition r) {
        millis.add(r.millis());
        if (scene.kind() == Scene.Kind.EMPTY) {
            emptyFrames++;
            falseOnEmpty += r.digits().size();
            return;
        }
        digitFrames++;
        truthDigits += scene.digits().size();
        boolean[] used = new boolean[r.digits().size()];
        for (Scene.Digit t : scene.digits()) {
            int best = -1;
            double bestIou = 0.3;
            for (int i = 0; i < r.digits().size(); i++) {
                double iou = iou(t.box(), r.digits().get(i).box());
                if (!used[i] && iou > bestIou) {
                    best = i;
                    bestIou = iou;
                }
            }
            if (best >= 0) {
                used[best] = true;
                digitsFound++;
                if (r.digits().get(best).label() == t.label()) {
                    digitsCorrect++;
                }
            }
        }
        for (boolean u : used) {
            if (!u) {
                falseOnDigitFrames++;
            }
        }
        truthNumbers += scene.numbers().size();
        List<String> read = new ArrayList<>(r.numbers());
        for (String n : scene.numbers()) {
            if (read.remove(n)) {
                numbersExact++;
            }
        }
        if (r.numbers().equals(scene.numbers())) {
            framesExact++;
        }
    }

    /** Intersection over union of a truth rectangle and a found box. */
    static double iou(Rectangle t, io.digitcam.vision.Box box) {
        Rectangle b = new Rectangle(box.x(), box.y(), box.width(), box.height());
        Rectangle i = t.intersection(b);
        if (i.isEmpty()) {
            return 0;
        }
        double inter = (double) i.width * i.height;
        return inter / ((double) t.width * t.height + (double) b.width * b.height - inter);
    }

    public double digitAccuracy() {
        return digitsCorrect / (double) Math.max(1, truthDigits);
    }

    public double numberAccuracy() {
        return numbersExact / (double) Math.max(1, truthNumbers);
    }

    public double falsePerEmptyFrame() {
        return falseOnEmpty / (double) Math.max(1, emptyFrames);
    }

    public String summary() {
        return String.format("digits correct %.1f%% (%d/%d, found %d), numbers exact %.1f%% (%d/%d), frames exact %.1f%%, "
                        + "false digits per empty frame %.3f (%d in %d), unmatched digits on digit frames %d",
                100 * digitAccuracy(), digitsCorrect, truthDigits, digitsFound, 100 * numberAccuracy(), numbersExact,
                truthNumbers, 100.0 * framesExact / Math.max(1, digitFrames), falsePerEmptyFrame(), falseOnEmpty,
                emptyFrames, falseOnDigitFrames);
    }
}
