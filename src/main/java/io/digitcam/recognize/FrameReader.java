package io.digitcam.recognize;

import io.digitcam.model.DigitClassifier;
import io.digitcam.model.DigitPrediction;
import io.digitcam.propose.CandidateProposer;
import io.digitcam.propose.Proposals;
import io.digitcam.verify.DigitVerifier;
import io.digitcam.verify.Verified;
import io.digitcam.vision.Box;
import io.digitcam.vision.DigitNormalizer;
import io.digitcam.vision.Region;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * One frame in, its digits and numbers out, in four stages that each finish before the next:
 * propose candidates → verify which are one digit → classify those (one batch) → group the
 * digits into numbers. Not thread-safe (the networks are confined to one thread).
 */
public final class FrameReader {
    /** Of two accepted candidates covering more than this share of the smaller one, only the surer stays. */
    static final double SAME_PLACE = 0.5;

    private final CandidateProposer proposer;
    private final DigitVerifier verifier;
    private final DigitNormalizer normalizer;
    private final DigitClassifier classifier;
    private final NumberReader reader;
    private final double minDigit;
    private volatile double minConfidence;

    public FrameReader(CandidateProposer proposer, DigitVerifier verifier, DigitNormalizer normalizer,
                       DigitClassifier classifier, NumberReader reader, double minDigit, double minConfidence) {
        this.proposer = proposer;
        this.verifier = verifier;
        this.normalizer = normalizer;
        this.classifier = classifier;
        this.reader = reader;
        this.minDigit = minDigit;
        this.minConfidence = minConfidence;
    }

    /** The standard pipeline around loaded networks. */
    public static FrameReader create(DigitClassifier classifier, DigitVerifier verifier, ReadingSettings s) {
        return new FrameReader(new CandidateProposer(s.proposal()), verifier, new DigitNormalizer(s.normalizer()),
                classifier, new NumberReader(s.lineOverlap(), s.numberGap()), s.minDigit(), s.minConfidence());
    }

    public double minConfidence() {
        return minConfidence;
    }

    public double minDigit() {
        return minDigit;
    }

    public void setMinConfidence(double value) {
        minConfidence = value;
    }

    /** A candidate the verifier accepted, with the classifier's reading of its crop. */
    public record Reading(Verified verified, DigitPrediction prediction, double confidence) {
        double score() {
            return verified.digitProbability() * confidence;
        }
    }

    /** Everything one frame went through, kept for the debug views. */
    public record Trace(Recognition recognition, Proposals proposals, List<Verified> verified,
                        List<Reading> readings, StageTimes times) implements AutoCloseable {
        @Override
        public void close() {
            proposals.close();
        }
    }

    public Recognition recognize(Mat frame) {
        try (Trace trace = trace(frame)) {
            return trace.recognition();
        }
    }

    public Trace trace(Mat frame) {
        long start = System.nanoTime();
        Proposals proposals = proposer.propose(frame);
        long proposed = System.nanoTime();
        List<Verified> verified = verifier.verify(proposals);
        long checked = System.nanoTime();
        List<Verified> accepted = verified.stream().filter(v -> v.digitProbability() >= minDigit).toList();
        List<Verified> cropped = new ArrayList<>();
        List<byte[]> crops = new ArrayList<>();
        for (Verified v : accepted) {
            byte[] crop = normalizer.normalize(proposals.gray(), new Region(v.candidate().box(), v.candidate().polarity()));
            if (crop != null) {
                cropped.add(v);
                crops.add(crop);
            }
        }
        List<DigitPrediction> predictions = classifier.classify(crops);
        long classified = System.nanoTime();
        List<Reading> readings = new ArrayList<>();
        for (int i = 0; i < cropped.size(); i++) {
            DigitPrediction p = predictions.get(i);
            double digitShare = 1 - p.nonDigitProbability();
            readings.add(new Reading(cropped.get(i), p, digitShare > 0 ? p.probability() / digitShare : 0));
        }
        List<RecognizedDigit> digits = new ArrayList<>();
        for (Reading r : onePerPlace(readings)) {
            if (r.confidence() >= minConfidence) {
                DigitPrediction p = r.prediction();
                double share = 1 - p.nonDigitProbability();
                digits.add(new RecognizedDigit(p.label(), r.confidence(), p.runnerUp(),
                        share > 0 ? p.runnerUpProbability() / share : 0, r.verified().candidate().box()));
            }
        }
        NumberReader.Reading reading = reader.read(digits);
        Recognition recognition = new Recognition(frame.cols(), frame.rows(), reading.ordered(), reading.numbers(),
                (System.nanoTime() - start) / 1e6);
        StageTimes times = new StageTimes((proposed - start) / 1e6, (checked - proposed) / 1e6,
                (classified - checked) / 1e6);
        return new Trace(recognition, proposals, verified, readings, times);
    }

    /** Non-maximum suppression: a fragment, or a box round two digits, gives way to the surer reading. */
    static List<Reading> onePerPlace(List<Reading> readings) {
        List<Reading> sorted = new ArrayList<>(readings);
        sorted.sort(Comparator.comparingDouble(Reading::score).reversed());
        List<Reading> kept = new ArrayList<>();
        for (Reading r : sorted) {
            Box b = r.verified().candidate().box();
            if (kept.stream().noneMatch(k -> covered(k.verified().candidate().box(), b))) {
                kept.add(r);
            }
        }
        return kept;
    }

    private static boolean covered(Box a, Box b) {
        return a.intersection(b) > SAME_PLACE * Math.min(a.area(), b.area());
    }
}
