package io.digitcam.vision;

/** Which way round ink and surface are. */
public enum Polarity {
    /** Pen or pencil on paper. */
    DARK_ON_LIGHT,
    /** Chalk or marker on a board. */
    LIGHT_ON_DARK
}
