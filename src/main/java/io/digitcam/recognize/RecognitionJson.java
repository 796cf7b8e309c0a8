package io.digitcam.recognize;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

/**
 * The JSON form of a recognition, one object per image: what {@code predict --json} prints and
 * what a capture's sidecar holds.
 */
public final class RecognitionJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RecognitionJson() {
    }

    public record Digit(int label, double confidence, int[] box) {
    }

    public record Image(String image, int width, int height, List<Digit> digits, List<String> numbers, double millis) {
    }

    public static Image of(String image, Recognition r) {
        List<Digit> digits = r.digits().stream().map(d -> digit(d.label(), d.confidence(), d.box())).toList();
        return new Image(image, r.width(), r.height(), digits, r.numbers(), round(r.millis(), 1));
    }

    /** One digit as every JSON form shows it: confidence to three places, box {@code [x, y, width, height]}. */
    public static Digit digit(int label, double confidence, io.digitcam.vision.Box box) {
        return new Digit(label, round(confidence, 3), box.toArray());
    }

    public static String line(String image, Recognition r) {
        return line(of(image, r));
    }

    /** A record (of these or others made of them) as one line of JSON. */
    public static String line(Record value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("records always serialise", e);
        }
    }

    private static double round(double v, int places) {
        double f = Math.pow(10, places);
        return Math.round(v * f) / f;
    }
}
