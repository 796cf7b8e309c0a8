package io.digitcam.vision;

/**
 * A place in the frame that may hold one digit: its box in frame pixels and its polarity.
 * {@code needsNeighbour} marks a bar whose surroundings look like clutter (a spine between
 * books, a pen on a patterned cloth); it counts only as part of a number with other digits,
 * where the neighbours' ink is what made its surroundings uneven.
 * {@code cutFrom} is set on the pieces of a region the detector cut as touching digits, and on
 * that region itself, offered whole as well: the same ink read as one wide digit or as several
 * (null for every other region). The classifier's answers decide which reading stands.
 */
public record Region(Box box, Polarity polarity, boolean needsNeighbour, Box cutFrom) {
    public Region(Box box, Polarity polarity, boolean needsNeighbour) {
        this(box, polarity, needsNeighbour, null);
    }

    public Region(Box box, Polarity polarity) {
        this(box, polarity, false);
    }

    /** Whether this is the uncut reading of a region that was also cut into pieces. */
    public boolean isWholeOfCut() {
        return box.equals(cutFrom);
    }

    /** The same region in a frame {@code factor} times the size, clipped to cols × rows. */
    public Region scaled(double factor, int cols, int rows) {
        return new Region(box.scaled(factor).grown(0, 0, cols, rows), polarity, needsNeighbour,
                cutFrom == null ? null : cutFrom.scaled(factor).grown(0, 0, cols, rows));
    }
}
