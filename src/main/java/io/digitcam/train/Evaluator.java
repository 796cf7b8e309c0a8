package io.digitcam.train;

import io.digitcam.data.DigitSet;
import io.digitcam.model.DigitClassifier;
import io.digitcam.model.DigitImages;
import io.digitcam.model.DigitPrediction;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.nd4j.evaluation.classification.Evaluation;

/** Scores a {@link DigitClassifier} on a labelled set: exactly the path the app uses. */
public final class Evaluator {
    private static final int BATCH = 256;

    private Evaluator() {
    }

    /** A wrong answer (a wrong digit, or "not a digit"), kept to show the ones the model was surest about. */
    public record Mistake(int index, int label, DigitPrediction prediction) {
    }

    public record Result(Evaluation evaluation, List<Mistake> mistakes, double millis) {
        public double accuracy() {
            return evaluation.accuracy();
        }

        /** The {@code n} mistakes with the highest confidence, surest first. */
        public List<Mistake> mostConfident(int n) {
            return mistakes.stream()
                    .sorted(Comparator.comparingDouble((Mistake m) -> m.prediction().probability()).reversed())
                    .limit(n).toList();
        }
    }

    public static Result evaluate(DigitClassifier classifier, DigitSet set) {
        Evaluation eval = new Evaluation(classifier.outputs());
        List<Mistake> mistakes = new ArrayList<>();
        long start = System.nanoTime();
        for (int from = 0; from < set.size(); from += BATCH) {
            int n = Math.min(BATCH, set.size() - from);
            List<byte[]> crops = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                crops.add(crop(set, from + i));
            }
            List<DigitPrediction> predictions = classifier.classify(crops);
            for (int i = 0; i < n; i++) {
                int label = set.labels()[from + i];
                DigitPrediction p = predictions.get(i);
                // "Not a digit" said of a digit is a mistake like any wrong digit.
                eval.eval(p.answer(), label);
                if (p.answer() != label) {
                    mistakes.add(new Mistake(from + i, label, p));
                }
            }
        }
        return new Result(eval, mistakes, (System.nanoTime() - start) / 1e6);
    }

    public static byte[] crop(DigitSet set, int index) {
        byte[] crop = new byte[DigitImages.PIXELS];
        System.arraycopy(set.pixels(), index * DigitImages.PIXELS, crop, 0, DigitImages.PIXELS);
        return crop;
    }
}
