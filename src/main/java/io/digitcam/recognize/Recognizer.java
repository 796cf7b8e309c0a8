package io.digitcam.recognize;

import static org.bytedeco.opencv.global.opencv_core.max;

import io.digitcam.model.DigitClassifier;
import io.digitcam.model.DigitPrediction;
import io.digitcam.propose.CandidateProposer;
import io.digitcam.propose.Proposals;
import io.digitcam.verify.DigitVerifier;
import io.digitcam.verify.Verified;
import io.digitcam.vision.Box;
import io.digitcam.vision.DigitNormalizer;
import io.digitcam.vision.Polarity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * One frame in, its digits and numbers out, in four stages that each finish before the next:
 * propose candidates → verify which are one digit → classify those (one batch) → group the
 * digits into numbers. The CLI uses it directly, the app from its worker thread. Not
 * thread-safe (the networks are confined to one thread).
 *
 * <p>A classifier with a "not a digit" class has a second say: a crop it calls mostly not a
 * digit is dropped. The verifier sees the ink maps and the surroundings, the classifier the
 * normalised crop, so the two learned views err in different places; on generated scenes the
 * pair made a quarter of the verifier's false digits at the same threshold for a point of
 * digits. A digits-only model (an imported one) leaves the decision to the verifier.
 */
public final class Recognizer {
    /** Of two accepted candidates covering more than this share of the smaller one, only the surer stays. */
    static final double SAME_PLACE = 0.5;

    private final CandidateProposer proposer;
    private final DigitVerifier verifier;
    private final DigitNormalizer normalizer;
    private final DigitClassifier classifier;
    private final NumberReader reader;
    private final double minDigit;
    // Set from the UI thread (the threshold slider), read by the worker.
    private volatile double minConfidence;

    public Recognizer(CandidateProposer proposer, DigitVerifier verifier, DigitNormalizer normalizer,
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
    public static Recognizer create(DigitClassifier classifier, DigitVerifier verifier, RecognitionSettings s) {
        return new Recognizer(new CandidateProposer(s.proposal()), verifier, new DigitNormalizer(s.normalizer()),
                classifier, new NumberReader(s.lineOverlap(), s.numberGap()), s.minDigit(), s.minConfidence());
    }

    /** Loads both networks (the classifier with one native thread) and builds the standard pipeline. */
    public static Recognizer load(java.nio.file.Path model, java.nio.file.Path verifier, RecognitionSettings s)
            throws io.digitcam.model.ModelLoadException {
        return load(model, 1, verifier, s);
    }

    /** As {@link #load(java.nio.file.Path, java.nio.file.Path, RecognitionSettings)}, the classifier on {@code threads} native threads. */
    public static Recognizer load(java.nio.file.Path model, int threads, java.nio.file.Path verifier, RecognitionSettings s)
            throws io.digitcam.model.ModelLoadException {
        return create(DigitClassifier.load(model, threads), DigitVerifier.load(verifier), s);
    }

    /** How this pipeline reads digits into numbers; the live view's tracker groups with the same one. */
    public NumberReader numberReader() {
        return reader;
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

    /**
     * A candidate the verifier accepted, with its 28×28 crop and the classifier's reading of it.
     * {@code confidence} is the label's probability among the digits alone: whether it is a digit
     * at all is the verifier's question, and the classifier only labels.
     */
    public record Reading(Verified verified, byte[] crop, Box box, DigitPrediction prediction, double confidence) {

        double score() {
            return verified.digitProbability() * confidence;
        }
    }

    /**
     * Everything one frame went through, kept for the debug views; the caller closes it. The
     * frame's numbers are read from its digits only when asked for ({@link #recognition()}), so
     * a caller that groups other digits (the live view groups the tracker's) groups once a frame.
     * Confined to the thread that made it, like the recognizer.
     */
    public static final class Trace implements AutoCloseable {
        private final FrameDigits digits;
        private final Proposals proposals;
        private final List<Verified> verified;
        private final List<Reading> readings;
        private final StageTimes times;
        private final NumberReader reader;
        private Recognition recognition;

        Trace(FrameDigits digits, Proposals proposals, List<Verified> verified, List<Reading> readings,
              StageTimes times, NumberReader reader) {
            this.digits = digits;
            this.proposals = proposals;
            this.verified = verified;
            this.readings = readings;
            this.times = times;
            this.reader = reader;
        }

        /** The reported digits, not yet read into numbers. */
        public FrameDigits digits() {
            return digits;
        }

        /** The frame's digits read into numbers (what {@code digitcam predict} says of the frame). */
        public Recognition recognition() {
            if (recognition == null) {
                recognition = reader.recognition(digits);
            }
            return recognition;
        }

        public Proposals proposals() {
            return proposals;
        }

        public List<Verified> verified() {
            return verified;
        }

        public List<Reading> readings() {
            return readings;
        }

        public StageTimes times() {
            return times;
        }

        /** Both polarities' ink at the finest level, as one grey image (a new Mat the caller closes). */
        public Mat inkView() {
            Mat both = new Mat();
            max(proposals.map(0, Polarity.DARK_ON_LIGHT).contrast(), proposals.map(0, Polarity.LIGHT_ON_DARK).contrast(),
                    both);
            return both;
        }

        public List<byte[]> crops() {
            return readings.stream().map(Reading::crop).toList();
        }

        public List<DigitPrediction> predictions() {
            return readings.stream().map(Reading::prediction).toList();
        }

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
        List<Verified> cropped = new ArrayList<>();
        List<DigitNormalizer.Normalized> crops = new ArrayList<>();
        for (Verified v : verified) {
            if (v.digitProbability() >= minDigit) {
                DigitNormalizer.Normalized crop = normalizer.normalize(proposals.gray(), v.candidate().box(),
                        v.candidate().polarity());
                if (crop != null) {
                    cropped.add(v);
                    crops.add(crop);
                }
            }
        }
        List<DigitPrediction> predictions = classifier.classify(crops.stream().map(DigitNormalizer.Normalized::pixels)
                .toList());
        long classified = System.nanoTime();
        List<Reading> readings = new ArrayList<>();
        for (int i = 0; i < cropped.size(); i++) {
            DigitPrediction p = predictions.get(i);
            readings.add(new Reading(cropped.get(i), crops.get(i).pixels(), crops.get(i).inkBox(), p,
                    amongDigits(p.probability(), p)));
        }
        List<RecognizedDigit> digits = new ArrayList<>();
        // Only readings that would be reported compete for a place: a fragment the classifier calls
        // not a digit must not push out the whole digit around it.
        List<Reading> reportable = readings.stream()
                .filter(r -> r.confidence() >= minConfidence && !r.prediction().rejected()).toList();
        for (Reading r : onePerPlace(reportable)) {
            DigitPrediction p = r.prediction();
            digits.add(new RecognizedDigit(p.label(), r.confidence(), p.runnerUp(),
                    amongDigits(p.runnerUpProbability(), p), r.box()));
        }
        FrameDigits found = new FrameDigits(frame.cols(), frame.rows(), digits, (System.nanoTime() - start) / 1e6);
        StageTimes times = new StageTimes((proposed - start) / 1e6, (checked - proposed) / 1e6,
                (classified - checked) / 1e6);
        return new Trace(found, proposals, verified, readings, times, reader);
    }

    /** A probability with the classifier's "not a digit" share (if it has that class) left out. */
    private static double amongDigits(double probability, DigitPrediction p) {
        double share = 1 - p.nonDigitProbability();
        return share > 0 ? Math.min(1, probability / share) : 0;
    }

    /** Non-maximum suppression: a fragment, or a box round two digits, gives way to the surer reading. */
    static List<Reading> onePerPlace(List<Reading> readings) {
        List<Reading> sorted = new ArrayList<>(readings);
        sorted.sort(Comparator.comparingDouble(Reading::score).reversed());
        List<Reading> kept = new ArrayList<>();
        for (Reading r : sorted) {
            if (kept.stream().noneMatch(k -> covered(k.box(), r.box()))) {
                kept.add(r);
            }
        }
        return kept;
    }

    private static boolean covered(Box a, Box b) {
        return a.intersection(b) > SAME_PLACE * Math.min(a.area(), b.area());
    }
}
