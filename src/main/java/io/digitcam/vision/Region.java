package io.digitcam.vision;

/** A place in the frame that may hold one digit: its box in frame pixels and its polarity. */
public record Region(Box box, Polarity polarity) {
}
