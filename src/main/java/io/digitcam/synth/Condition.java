package io.digitcam.synth;

import java.util.Locale;

/**
 * One value of one family of scene conditions, written {@code family:value} (e.g. {@code ink:pencil}).
 * Families are what the generalisation protocol holds out as a whole; values are what it reports.
 */
public record Condition(Family family, String value) {
    public enum Family {
        /** What the digits are written with: pencil, ballpoint-blue, marker, chalk, printed... */
        INK,
        /** What they are written on: paper, ruled, sticky, whiteboard, chalkboard, screen... */
        SURFACE,
        /** Dark ink on a light surface, or light on dark. */
        POLARITY,
        /** How big the digit is in the frame; set by the protocol from the box, not by renderers. */
        SIZE,
        /** How the sheet is held: tilt, perspective, partly outside the frame, a hand on it. */
        FRAMING,
        /** Colour cast and exposure: tungsten, fluorescent, under, over, glare, shadow. */
        LIGHT,
        /** What the camera adds: defocus, motion blur, sensor noise, strong JPEG. */
        CAMERA,
        /** What else is in the frame; {@code clutter:empty} marks a frame with no digit. */
        CLUTTER
    }

    public Condition {
        if (family == null || value == null || value.isBlank() || value.contains(":")) {
            throw new IllegalArgumentException("bad condition " + family + ":" + value);
        }
    }

    public static Condition of(Family family, String value) {
        return new Condition(family, value);
    }

    /** Parses {@code family:value}; the family name is case-insensitive. */
    public static Condition parse(String text) {
        int colon = text.indexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new IllegalArgumentException("not a condition (family:value): " + text);
        }
        Family family;
        try {
            family = Family.valueOf(text.substring(0, colon).trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown condition family in " + text);
        }
        return new Condition(family, text.substring(colon + 1).trim());
    }

    @Override
    public String toString() {
        return family.name().toLowerCase(Locale.ROOT) + ":" + value;
    }
}
