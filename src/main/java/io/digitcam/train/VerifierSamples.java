package io.digitcam.train;

import io.digitcam.propose.Candidate;
import io.digitcam.propose.CandidateProposer;
import io.digitcam.propose.Proposals;
import io.digitcam.synth.Condition;
import io.digitcam.synth.SceneImages;
import io.digitcam.synth.SceneRenderer;
import io.digitcam.synth.SynthDigit;
import io.digitcam.synth.SynthScene;
import io.digitcam.verify.VerifierInput;
import io.digitcam.vision.Box;
import io.digitcam.vision.Polarity;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * The verifier's training examples: the proposer's own candidates on generated scenes, each
 * labelled against the scene's truth. A candidate that covers one digit (IoU ≥ {@link #POSITIVE}
 * in its ink's polarity) is a digit; one that meets no digit well (IoU < {@link #NEGATIVE}) is
 * not — clutter, a fragment, two digits merged, a sheet's edge, the hole of a "0". Between the
 * two it is left out: a box a little off a digit is neither.
 */
public final class VerifierSamples {
    public static final double POSITIVE = 0.5;
    public static final double NEGATIVE = 0.3;
    static final int PLANE = VerifierInput.CHANNELS * VerifierInput.SIDE * VerifierInput.SIDE;

    /** Inputs as bytes (ink 0..255), [n][PLANE]; labels 1 = one digit. */
    public record Set(byte[] inputs, byte[] labels) {
        public int size() {
            return labels.length;
        }

        public int positives() {
            int n = 0;
            for (byte b : labels) {
                n += b;
            }
            return n;
        }
    }

    private VerifierSamples() {
    }

    /** 1 digit, 0 not, -1 left out. */
    public static int label(Candidate c, List<SynthDigit> truth) {
        double best = 0;
        boolean samePolarity = false;
        for (SynthDigit d : truth) {
            double iou = iou(c.box(), d.box());
            if (iou > best) {
                best = iou;
                samePolarity = polarity(d) == c.polarity();
            }
        }
        if (best >= POSITIVE) {
            return samePolarity ? 1 : 0;
        }
        return best < NEGATIVE ? 0 : -1;
    }

    static Polarity polarity(SynthDigit d) {
        return d.conditions().contains(Condition.of(Condition.Family.POLARITY, "light-on-dark"))
                ? Polarity.LIGHT_ON_DARK : Polarity.DARK_ON_LIGHT;
    }

    public static double iou(Box a, Box b) {
        long inter = a.intersection(b);
        return inter == 0 ? 0 : inter / (double) (a.area() + b.area() - inter);
    }

    /**
     * Scenes {@code from .. from+count} of {@code renderer}, every positive and each negative with
     * probability {@code negativeShare} (negatives outnumber digits thirty to one). Scenes are
     * rendered on every core; the result does not depend on how many.
     */
    public static Set harvest(SceneRenderer renderer, long from, int count, double negativeShare,
                              IntConsumer progress) {
        byte[][] inputs = new byte[count][];
        byte[][] labels = new byte[count][];
        AtomicInteger done = new AtomicInteger();
        ThreadLocal<CandidateProposer> proposers = ThreadLocal.withInitial(
                () -> new CandidateProposer(io.digitcam.propose.ProposalSettings.DEFAULT));
        IntStream.range(0, count).parallel().forEach(i -> {
            SynthScene scene = renderer.render(from + i);
            SplittableRandom random = new SplittableRandom(from + i);
            List<Candidate> kept = new ArrayList<>();
            List<Byte> keptLabels = new ArrayList<>();
            try (Mat frame = SceneImages.toMat(scene.image()); Proposals p = proposers.get().propose(frame)) {
                for (Candidate c : p.candidates()) {
                    int label = label(c, scene.digits());
                    if (label == 1 || label == 0 && random.nextDouble() < negativeShare) {
                        kept.add(c);
                        keptLabels.add((byte) label);
                    }
                }
                float[] x = VerifierInput.of(p, kept);
                byte[] bytes = new byte[x.length];
                for (int j = 0; j < x.length; j++) {
                    bytes[j] = (byte) Math.round(x[j] * 255);
                }
                inputs[i] = bytes;
                labels[i] = new byte[keptLabels.size()];
                for (int j = 0; j < keptLabels.size(); j++) {
                    labels[i][j] = keptLabels.get(j);
                }
            }
            progress.accept(done.incrementAndGet());
        });
        int total = 0;
        for (byte[] l : labels) {
            total += l.length;
        }
        byte[] allInputs = new byte[total * PLANE];
        byte[] allLabels = new byte[total];
        int at = 0;
        for (int i = 0; i < count; i++) {
            System.arraycopy(inputs[i], 0, allInputs, at * PLANE, inputs[i].length);
            System.arraycopy(labels[i], 0, allLabels, at, labels[i].length);
            at += labels[i].length;
        }
        return new Set(allInputs, allLabels);
    }
}
