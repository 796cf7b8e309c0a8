package io.digitcam.vision;

/**
 * A place in the frame that may hold one digit: its box in frame pixels and its polarity.
 * {@code needsNeighbour} marks a bar whose surroundings look like clutter (a spine between
 * books, a pen on a patterned cloth); it counts only as part of a number with other digits,
 * where the neighbours' ink is what made its surroundings uneven.
 */
public record Region(Box box, Polarity polarity, boolean needsNeighbour) {
    public Region(Box box, Polarity polarity) {
        this(box, polarity, false);
    }

    /** The same region with its box replaced. */
    public Region withBox(Box other) {
        return new Region(other, polarity, needsNeighbour);
    }
}
