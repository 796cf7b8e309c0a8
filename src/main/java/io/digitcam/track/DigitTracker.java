package io.digitcam.track;

import io.digitcam.recognize.NumberReader;
import io.digitcam.recognize.Recognition;
import io.digitcam.recognize.RecognizedDigit;
import io.digitcam.vision.Box;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps labels steady on live video. A frame's reading of a digit can flip between two close
 * labels (a 4 that is nearly a 9) or miss it for a frame; showing each frame raw makes the
 * overlay flicker. Each digit becomes a track, matched to the next frame's detections by box
 * overlap, and shows the label its recent sightings vote for, weighted by confidence. A number
 * that keeps the same digits for a moment is reported as read.
 *
 * <p>Used by the worker thread only.
 */
public final class DigitTracker {
    private final TrackerSettings settings;
    private final NumberReader reader;
    private final List<Track> tracks = new ArrayList<>();
    private final Map<String, Long> numberSince = new HashMap<>();
    private int nextId = 1;

    public DigitTracker(TrackerSettings settings, NumberReader reader) {
        this.settings = settings;
        this.reader = reader;
    }

    private static final class Track {
        final int id;
        final Deque<RecognizedDigit> votes = new ArrayDeque<>();
        Box box;
        int sightings;
        int missed;

        Track(int id) {
            this.id = id;
        }
    }

    /** Folds in the next frame's recognition, seen at {@code nanos} ({@link System#nanoTime()}). */
    public Tracking update(Recognition frame, long nanos) {
        return update(frame.digits(), nanos);
    }

    /**
     * Folds in the next frame's digits, in any order, seen at {@code nanos}: the tracker reads its
     * steadied digits into numbers itself, so the frame's own need not be.
     */
    public Tracking update(List<RecognizedDigit> frameDigits, long nanos) {
        List<RecognizedDigit> detections = new ArrayList<>(frameDigits);
        boolean[] taken = new boolean[detections.size()];
        // Greedy best-overlap matching: with a handful of well-separated digits per frame the
        // optimal assignment gives the same answer.
        List<double[]> pairs = new ArrayList<>();
        for (int t = 0; t < tracks.size(); t++) {
            for (int d = 0; d < detections.size(); d++) {
                double iou = iou(tracks.get(t).box, detections.get(d).box());
                if (iou >= settings.minOverlap()) {
                    pairs.add(new double[] {iou, t, d});
                }
            }
        }
        pairs.sort((a, b) -> Double.compare(b[0], a[0]));
        boolean[] updated = new boolean[tracks.size()];
        for (double[] p : pairs) {
            int t = (int) p[1];
            int d = (int) p[2];
            if (!updated[t] && !taken[d]) {
                sight(tracks.get(t), detections.get(d));
                updated[t] = true;
                taken[d] = true;
            }
        }
        for (int t = tracks.size() - 1; t >= 0; t--) {
            if (!updated[t] && ++tracks.get(t).missed > settings.maxMissed()) {
                tracks.remove(t);
            }
        }
        for (int d = 0; d < detections.size(); d++) {
            if (!taken[d]) {
                Track track = new Track(nextId++);
                sight(track, detections.get(d));
                tracks.add(track);
            }
        }
        return report(nanos);
    }

    /** Forgets every track, e.g. when the source changes. */
    public void reset() {
        tracks.clear();
        numberSince.clear();
    }

    private void sight(Track track, RecognizedDigit digit) {
        track.votes.addLast(digit);
        if (track.votes.size() > settings.window()) {
            track.votes.removeFirst();
        }
        if (takesOver(track)) {
            while (track.votes.size() > settings.takeOver()) {
                track.votes.removeFirst();
            }
        }
        track.box = digit.box();
        track.sightings++;
        track.missed = 0;
    }

    /** Whether the latest sightings confidently agree on a label that the whole vote does not show. */
    private boolean takesOver(Track track) {
        if (track.votes.size() <= settings.takeOver()) {
            return false;
        }
        int label = track.votes.peekLast().label();
        var latest = track.votes.descendingIterator();
        for (int i = 0; i < settings.takeOver(); i++) {
            RecognizedDigit d = latest.next();
            if (d.label() != label || d.confidence() < settings.takeOverConfidence()) {
                return false;
            }
        }
        return vote(track).label() != label;
    }

    private Tracking report(long nanos) {
        List<RecognizedDigit> shown = new ArrayList<>();
        Map<RecognizedDigit, Track> owners = new IdentityHashMap<>();
        for (Track t : tracks) {
            if (t.missed == 0 && t.sightings >= settings.minSightings()) {
                RecognizedDigit voted = vote(t);
                shown.add(voted);
                owners.put(voted, t);
            }
        }
        NumberReader.Reading reading = reader.read(shown);
        List<TrackedDigit> digits = new ArrayList<>();
        for (RecognizedDigit d : reading.ordered()) {
            Track t = owners.get(d);
            digits.add(new TrackedDigit(t.id, d.label(), d.confidence(), d.box(), t.sightings));
        }
        numberSince.keySet().retainAll(reading.numbers());
        List<String> read = new ArrayList<>();
        for (String number : reading.numbers()) {
            long since = numberSince.computeIfAbsent(number, n -> nanos);
            if (nanos - since >= settings.readMillis() * 1_000_000L) {
                read.add(number);
            }
        }
        return new Tracking(digits, reading.numbers(), read);
    }

    /** The label with the largest summed confidence among the recent sightings. */
    private static RecognizedDigit vote(Track t) {
        double[] weight = new double[10];
        int[] count = new int[10];
        for (RecognizedDigit d : t.votes) {
            weight[d.label()] += d.confidence();
            count[d.label()]++;
        }
        int best = 0;
        for (int i = 1; i < 10; i++) {
            if (weight[i] > weight[best]) {
                best = i;
            }
        }
        return new RecognizedDigit(best, weight[best] / count[best], -1, 0, t.box);
    }

    static double iou(Box a, Box b) {
        long ix = Math.max(0, Math.min(a.right(), b.right()) - Math.max(a.x(), b.x()));
        long iy = Math.max(0, Math.min(a.bottom(), b.bottom()) - Math.max(a.y(), b.y()));
        long inter = ix * iy;
        long union = a.area() + b.area() - inter;
        return union == 0 ? 0 : inter / (double) union;
    }
}
