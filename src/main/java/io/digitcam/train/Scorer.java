package io.digitcam.train;

import io.digitcam.data.DigitSet;
import io.digitcam.model.Batches;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.evaluation.classification.Evaluation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Runs a network over a labelled set and collects everything the reports need. */
public final class Scorer {
    private static final int BATCH = 500;

    private Scorer() {
    }

    /** Per-example outcome, kept so the most confident mistakes can be shown. */
    public record Outcome(int index, int label, int predicted, float confidence) {
    }

    public record Score(Evaluation evaluation, double loss, List<Outcome> outcomes) {
        public double accuracy() {
            return evaluation.accuracy();
        }
    }

    public static Score score(MultiLayerNetwork net, DigitSet set) {
        Evaluation eval = null;
        List<Outcome> outcomes = new ArrayList<>(set.size());
        double lossSum = 0;
        for (int from = 0; from < set.size(); from += BATCH) {
            int n = Math.min(BATCH, set.size() - from);
            INDArray probs = net.output(Batches.features(set.pixels(), from, n), false);
            float[][] p = probs.toFloatMatrix();
            int classes = (int) probs.columns();
            if (eval == null) {
                eval = new Evaluation(classes);
            }
            INDArray labels = Nd4j.zeros(probs.dataType(), n, classes);
            for (int i = 0; i < n; i++) {
                int label = set.labels()[from + i];
                labels.putScalar(i, label, 1);
                int best = argmax(p[i]);
                outcomes.add(new Outcome(from + i, label, best, p[i][best]));
                lossSum -= Math.log(Math.max(p[i][label], 1e-12f));
            }
            eval.eval(labels, probs);
        }
        return new Score(eval, lossSum / set.size(), outcomes);
    }

    static int argmax(float[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }
}
