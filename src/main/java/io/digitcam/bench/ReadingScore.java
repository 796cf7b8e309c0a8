package io.digitcam.bench;

import io.digitcam.recognize.Recognition;
import io.digitcam.recognize.RecognizedDigit;
import io.digitcam.synth.Condition;
import io.digitcam.synth.SynthDigit;
import io.digitcam.synth.SynthScene;
import io.digitcam.vision.Box;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Scores readings of generated scenes against their truth, overall and per condition: digits
 * read (box IoU ≥ 0.5 and the right label), numbers read exactly, false digits per empty frame.
 * Where the pipeline's stages are known, a missed digit is also put down to the stage that lost
 * it: not proposed, turned down by the verifier, misread (found in its place with another label),
 * or lost after the verifier without a reading in its place (the classifier's "not a digit", the
 * confidence threshold, a box that does not fit the digit, or a surer overlapping reading).
 */
public final class ReadingScore {
    static final double MATCH = 0.5;
    static final double STRAY = 0.3;

    /** Counts for one condition (or for all scenes). */
    public static final class Tally {
        public int digits;
        public int read;
        public int proposed;
        public int accepted;
        /** Found where the digit is, with another label. */
        public int misread;
        public int numbers;
        public int numbersExact;
        public int emptyFrames;
        public int falseOnEmpty;
        public int falseBeside;

        public double digitRate() {
            return digits == 0 ? Double.NaN : read / (double) digits;
        }

        public double numberRate() {
            return numbers == 0 ? Double.NaN : numbersExact / (double) numbers;
        }

        public double falsePerEmpty() {
            return emptyFrames == 0 ? Double.NaN : falseOnEmpty / (double) emptyFrames;
        }
    }

    private final Tally all = new Tally();
    private final Map<String, Tally> byCondition = new TreeMap<>();

    /** How far a truth digit got through the stages: pass null lists where a stage is unknown. */
    public void add(SynthScene scene, Recognition recognition, List<Box> proposed, List<Box> accepted) {
        Set<String> sceneTags = new HashSet<>();
        scene.conditions().forEach(c -> sceneTags.add(c.toString()));
        List<RecognizedDigit> found = recognition.digits();
        for (SynthDigit d : scene.digits()) {
            Set<String> tags = tags(scene, d);
            boolean read = found.stream().anyMatch(r -> r.label() == d.label() && iou(r.box(), d.box()) >= MATCH);
            boolean wasProposed = proposed != null && proposed.stream().anyMatch(b -> iou(b, d.box()) >= MATCH);
            boolean wasAccepted = accepted != null && accepted.stream().anyMatch(b -> iou(b, d.box()) >= MATCH);
            boolean misread = !read && found.stream().anyMatch(r -> iou(r.box(), d.box()) >= MATCH);
            for (Tally t : tallies(tags)) {
                t.digits++;
                t.read += read ? 1 : 0;
                t.proposed += wasProposed ? 1 : 0;
                t.accepted += wasAccepted ? 1 : 0;
                t.misread += misread ? 1 : 0;
            }
        }
        int stray = 0;
        for (RecognizedDigit r : found) {
            if (scene.digits().stream().allMatch(d -> iou(r.box(), d.box()) < STRAY)) {
                stray++;
            }
        }
        List<String> remaining = new ArrayList<>(recognition.numbers());
        int exact = 0;
        for (String n : scene.numbers()) {
            if (remaining.remove(n)) {
                exact++;
            }
        }
        Set<String> shared = sharedTags(scene);
        for (Tally t : tallies(shared)) {
            t.numbers += scene.numbers().size();
            t.numbersExact += exact;
            if (scene.isEmpty()) {
                t.emptyFrames++;
                t.falseOnEmpty += stray;
            } else {
                t.falseBeside += stray;
            }
        }
    }

    private List<Tally> tallies(Set<String> tags) {
        List<Tally> out = new ArrayList<>();
        out.add(all);
        for (String tag : tags) {
            out.add(byCondition.computeIfAbsent(tag, k -> new Tally()));
        }
        return out;
    }

    /** A digit's own conditions, its scene's and its size class. */
    static Set<String> tags(SynthScene scene, SynthDigit d) {
        Set<String> tags = new HashSet<>();
        scene.conditions().forEach(c -> tags.add(c.toString()));
        d.conditions().forEach(c -> tags.add(c.toString()));
        tags.add(Condition.of(Condition.Family.SIZE, sizeClass(d.box().height(), scene.image().getHeight())).toString());
        return tags;
    }

    /** The scene's conditions and those every digit in it shares: what its numbers are counted under. */
    static Set<String> sharedTags(SynthScene scene) {
        Set<String> shared = null;
        for (SynthDigit d : scene.digits()) {
            Set<String> t = tags(scene, d);
            if (shared == null) {
                shared = t;
            } else {
                shared.retainAll(t);
            }
        }
        if (shared != null) {
            return shared;
        }
        Set<String> own = new HashSet<>();
        scene.conditions().forEach(c -> own.add(c.toString()));
        return own;
    }

    /** Digit height as a share of the frame: under 5%, 5–20%, 20–35%, 35–50%, over 50%. */
    public static String sizeClass(int height, int frameHeight) {
        double f = height / (double) frameHeight;
        return f < 0.05 ? "small" : f < 0.20 ? "medium" : f < 0.35 ? "large" : f < 0.50 ? "close" : "very-close";
    }

    static double iou(Box a, Box b) {
        long inter = a.intersection(b);
        return inter == 0 ? 0 : inter / (double) (a.area() + b.area() - inter);
    }

    public Tally all() {
        return all;
    }

    public Map<String, Tally> byCondition() {
        return byCondition;
    }
}
