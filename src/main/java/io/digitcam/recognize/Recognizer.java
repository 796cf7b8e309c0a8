package io.digitcam.recognize;

import io.digitcam.model.DigitClassifier;
import io.digitcam.model.DigitPrediction;
import io.digitcam.vision.Box;
import io.digitcam.vision.Detection;
import io.digitcam.vision.DigitDetector;
import io.digitcam.vision.DigitNormalizer;
import io.digitcam.vision.Region;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.stream.Collectors;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * One frame in, the digits and numbers in it out: detect → normalise → classify (one batch) →
 * reject → read numbers. The CLI uses it directly, the app from its worker thread. Not
 * thread-safe (the classifier is confined to one thread).
 */
public final class Recognizer {
    private final DigitDetector detector;
    private final DigitNormalizer normalizer;
    private final DigitClassifier classifier;
    private final NumberReader reader;
    private final double besideDigits;
    private final double doubtedAlone;
    // Set from the UI thread (the threshold slider), read by the worker.
    private volatile double minConfidence;

    public Recognizer(DigitDetector detector, DigitNormalizer normalizer, DigitClassifier classifier,
                      NumberReader reader, double minConfidence, double besideDigits, double doubtedAlone) {
        this.detector = detector;
        this.normalizer = normalizer;
        this.classifier = classifier;
        this.reader = reader;
        this.minConfidence = minConfidence;
        this.besideDigits = besideDigits;
        this.doubtedAlone = doubtedAlone;
    }

    public void setMinConfidence(double value) {
        minConfidence = value;
    }

    public double minConfidence() {
        return minConfidence;
    }

    /** The standard pipeline around a loaded classifier. */
    public static Recognizer create(DigitClassifier classifier, RecognitionSettings settings) {
        return new Recognizer(new DigitDetector(settings.detection()), new DigitNormalizer(settings.normalizer()),
                classifier, new NumberReader(settings.lineOverlap(), settings.numberGap()), settings.minConfidence(),
                settings.besideDigits(), settings.doubtedAlone());
    }

    /** Everything computed for one frame, kept for the debug views. */
    public record Trace(Recognition recognition, Detection detection, List<Region> regions, List<byte[]> crops,
                        List<DigitPrediction> predictions, List<DigitDetector.Rejection> rejections,
                        StageTimes times)
            implements AutoCloseable {
        @Override
        public void close() {
            detection.close();
        }
    }

    private static void explainDropped(List<RecognizedDigit> before, List<RecognizedDigit> after,
                                       Map<Box, Region> regions, String reason,
                                       List<DigitDetector.Rejection> rejections) {
        for (RecognizedDigit d : before) {
            if (!after.contains(d)) {
                Region r = regions.get(d.box());
                rejections.add(new DigitDetector.Rejection(r.box(), r.polarity(), reason));
            }
        }
    }

    /** The predictions at or above {@code minConfidence}, with their boxes. */
    public static List<RecognizedDigit> confident(List<DigitPrediction> predictions, List<Box> boxes,
                                                  double minConfidence) {
        List<RecognizedDigit> digits = new ArrayList<>();
        for (int i = 0; i < predictions.size(); i++) {
            DigitPrediction p = predictions.get(i);
            if (p.probability() >= minConfidence) {
                digits.add(new RecognizedDigit(p.label(), p.probability(), p.runnerUp(), p.runnerUpProbability(),
                        boxes.get(i)));
            }
        }
        return digits;
    }

    /**
     * Adds the regions the classifier turned down mostly as "not a digit" but is sure which digit
     * they would be ({@link RecognitionSettings#besideDigits}), when a digit already read stands
     * beside them in the same number and the same ink. Their confidence is that of the label with
     * the "not a digit" share left out: the row of digits has answered whether it is a digit.
     * Only digits that survived every other test vouch for a region, so a stray stroke read as a
     * "1" cannot make its neighbour a digit and then keep its own place thanks to it. A region
     * read this way vouches in turn for the next one: the "8" of "812" when only the "2" was sure.
     */
    static List<RecognizedDigit> withDigitsBesideRead(List<RecognizedDigit> read, List<DigitPrediction> predictions,
                                                      List<Region> regions, Map<Box, Region> byBox,
                                                      double minConfidence, double besideDigits,
                                                      NumberReader reader) {
        List<RecognizedDigit> out = new ArrayList<>(read);
        boolean added = true;
        while (added) {
            added = false;
            for (int i = 0; i < predictions.size(); i++) {
                DigitPrediction p = predictions.get(i);
                Region region = regions.get(i);
                double digitShare = 1 - p.nonDigitProbability();
                if (p.probability() >= minConfidence || digitShare <= 0
                        || p.probability() < Math.max(minConfidence, besideDigits) * digitShare
                        || out.stream().anyMatch(o -> o.box().equals(region.box()))) {
                    continue;
                }
                boolean vouched = out.stream().anyMatch(o -> {
                    Region other = byBox.get(o.box());
                    return other.polarity() == region.polarity() && reader.sameNumber(o.box(), region.box())
                            && !(region.needsNeighbour() && other.needsNeighbour());
                });
                if (vouched) {
                    out.add(new RecognizedDigit(p.label(), p.probability() / digitShare, p.runnerUp(),
                            p.runnerUpProbability() / digitShare, region.box()));
                    added = true;
                }
            }
        }
        return out;
    }

    /**
     * Drops the digits read from regions the detector doubted ({@link Region#needsNeighbour}: bars
     * and digits on uneven surroundings, chalk off the board) unless a digit it did not doubt, in
     * the same ink, stands beside them in the same number: a "1" in "5183" keeps its place, a pen
     * lying alone on a cluttered table does not, nor does a dark book spine next to a light one
     * (one number is written in one ink). A digit other than "1" read at {@code aloneAt} or more
     * stands alone all the same: clutter is read as a "1" that surely, hardly ever as another digit.
     */
    static List<RecognizedDigit> withoutLoneDoubtedRegions(List<RecognizedDigit> digits, Map<Box, Region> regions,
                                                           NumberReader reader, double aloneAt) {
        if (regions.values().stream().noneMatch(Region::needsNeighbour)) {
            return digits;
        }
        return digits.stream().filter(d -> {
            Region region = regions.get(d.box());
            return !region.needsNeighbour() || d.label() != 1 && d.confidence() >= aloneAt
                    || digits.stream().anyMatch(o -> {
                Region other = regions.get(o.box());
                return o != d && !other.needsNeighbour() && other.polarity() == region.polarity()
                        && reader.sameNumber(o.box(), d.box());
            });
        }).toList();
    }

    /**
     * Drops each "1" that is a number on its own, or in a number of "1"s only, and that
     * {@code mayStandAlone} turns down ({@link DigitDetector#mayStandAlone}): a lone stroke with
     * ink close around it, or ink that is not a stroke (a thin line, a wedge). The predicate gets
     * the boxes of the other "1"s of its number, whose ink does not count around it: two book
     * spines side by side read "11" too.
     */
    static List<RecognizedDigit> withoutDoubtfulLoneOnes(List<RecognizedDigit> digits,
                                                          BiPredicate<RecognizedDigit, List<Box>> mayStandAlone,
                                                          NumberReader reader) {
        List<RecognizedDigit> doubtful = new ArrayList<>();
        for (List<RecognizedDigit> number : reader.numbers(digits)) {
            if (number.stream().allMatch(d -> d.label() == 1)) {
                for (RecognizedDigit d : number) {
                    List<Box> others = number.stream().filter(o -> o != d).map(RecognizedDigit::box).toList();
                    if (!mayStandAlone.test(d, others)) {
                        doubtful.add(d);
                    }
                }
            }
        }
        return digits.stream().filter(d -> !doubtful.contains(d)).toList();
    }

    public Recognition recognize(Mat frame) {
        try (Trace trace = trace(frame)) {
            return trace.recognition();
        }
    }

    /** Like {@link #recognize}, keeping the intermediate results; the caller closes the trace. */
    public Trace trace(Mat frame) {
        return trace(frame, false);
    }

    /** With {@code explain}, the trace also lists the regions the detector turned down and why. */
    public Trace trace(Mat frame, boolean explain) {
        long start = System.nanoTime();
        List<DigitDetector.Rejection> rejections = explain ? new ArrayList<>() : List.of();
        Detection detection = detector.detect(frame, explain ? rejections : null);
        long detected = System.nanoTime();
        List<Region> regions = new ArrayList<>();
        List<byte[]> crops = new ArrayList<>();
        for (Region r : detection.regions()) {
            byte[] crop = normalizer.normalize(detection.gray(), r);
            if (crop != null) {
                regions.add(r);
                crops.add(crop);
            }
        }
        long normalized = System.nanoTime();
        List<DigitPrediction> predictions = new ArrayList<>(classifier.classify(crops));
        long classified = System.nanoTime();
        boolean[] aside = CutReadings.setAside(regions, predictions, minConfidence);
        for (int i = regions.size() - 1; i >= 0; i--) {
            if (aside[i]) {
                Region r = regions.remove(i);
                crops.remove(i);
                predictions.remove(i);
                if (explain) {
                    rejections.add(new DigitDetector.Rejection(r.box(), r.polarity(),
                            r.isWholeOfCut() ? "read as touching digits" : "read whole, as one wide digit"));
                }
            }
        }
        List<RecognizedDigit> digits = confident(predictions, regions.stream().map(Region::box).toList(), minConfidence);
        Map<Box, Region> byBox = regions.stream().collect(Collectors.toMap(Region::box, r -> r, (a, b) -> a));
        List<RecognizedDigit> doubtedKept = withoutLoneDoubtedRegions(digits, byBox, reader, doubtedAlone);
        List<RecognizedDigit> notDoubted = withoutDoubtfulLoneOnes(doubtedKept,
                (d, others) -> detector.mayStandAlone(detection, byBox.get(d.box()), others), reader);
        List<RecognizedDigit> kept = withDigitsBesideRead(notDoubted, predictions, regions, byBox, minConfidence,
                besideDigits, reader);
        if (explain) {
            explainDropped(digits, doubtedKept, byBox,
                    "doubted (uneven surroundings, or chalk off the board) and no digit beside it", rejections);
            explainDropped(doubtedKept, notDoubted, byBox,
                    "a lone 1 with ink around it, or not a stroke (a thin line, a wedge)", rejections);
        }
        NumberReader.Reading reading = reader.read(kept);
        Recognition recognition = new Recognition(frame.cols(), frame.rows(), reading.ordered(), reading.numbers(),
                (System.nanoTime() - start) / 1e6);
        StageTimes times = new StageTimes((detected - start) / 1e6, (normalized - detected) / 1e6,
                (classified - normalized) / 1e6);
        return new Trace(recognition, detection, regions, crops, predictions, rejections, times);
    }
}
