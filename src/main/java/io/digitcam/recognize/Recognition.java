package io.digitcam.recognize;

import java.util.List;

/**
 * Everything read in one frame. Immutable: it is handed from the worker thread to the UI.
 *
 * @param digits  ordered by line, then left to right
 * @param numbers the digits of each number, in the same order
 * @param millis  time spent detecting, normalising and classifying
 */
public record Recognition(int width, int height, List<RecognizedDigit> digits, List<String> numbers, double millis) {
    public Recognition {
        digits = List.copyOf(digits);
        numbers = List.copyOf(numbers);
    }

    public double minConfidence() {
        return digits.stream().mapToDouble(RecognizedDigit::confidence).min().orElse(Double.NaN);
    }
}
