package io.digitcam.track;

import java.util.List;

/**
 * What the tracker makes of the latest frame. Immutable, handed to the UI thread.
 *
 * @param digits  the tracks on screen, ordered by line then left to right
 * @param numbers the numbers their voted labels spell, in the same order
 * @param read    the numbers that have stayed the same for the read time
 */
public record Tracking(List<TrackedDigit> digits, List<String> numbers, List<String> read) {
    public static final Tracking EMPTY = new Tracking(List.of(), List.of(), List.of());

    public Tracking {
        digits = List.copyOf(digits);
        numbers = List.copyOf(numbers);
        read = List.copyOf(read);
    }

    /** The digits of each number, in the order of {@link #numbers()}: they come one number after the other. */
    public List<List<TrackedDigit>> digitsByNumber() {
        List<List<TrackedDigit>> out = new java.util.ArrayList<>();
        int from = 0;
        for (String number : numbers) {
            out.add(digits.subList(from, from + number.length()));
            from += number.length();
        }
        return out;
    }
}
