package io.digitcam.vision;

/**
 * A place in the frame that may hold one digit: its box in frame pixels and its polarity.
 * {@code needsNeighbour} marks a bar whose surroundings look like clutter (a spine between
 * books, a pen on a patterned cloth); it counts only as part of a number with other digits,
 * where the neighbours' ink is what made its surroundings uneven. {@code mayStandAlone} is false
 * when a "1" read here must not be a number on its own: a single stroke is what clutter looks
 * like most (pens, strings, edges), and one with other ink close around it, or one that is a
 * long thin line, is far more often clutter than a "1" written alone.
 */
public record Region(Box box, Polarity polarity, boolean needsNeighbour, boolean mayStandAlone) {
    public Region(Box box, Polarity polarity) {
        this(box, polarity, false, true);
    }

    /** The same region with its box replaced. */
    public Region withBox(Box other) {
        return new Region(other, polarity, needsNeighbour, mayStandAlone);
    }
}
