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
        List<Digit> digits = r.digits().stream()
                .map(d -> new Digit(d.label(), round(d.confidence(), 3), d.box().toArray())).toList();
        return new Image(image, r.width(), r.height(), digits, r.numbers(), round(r.millis(), 1));
    }

    public static String line(String image, Recognition r) {
        try {
            return JSON.writeValueAsString(of(image, r));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("records always serialise", e);
        }
    }

    private static double round(double v, int places) {
        double f = Math.pow(10, places);
        return Math.round(v * f) / f;
    }
}
