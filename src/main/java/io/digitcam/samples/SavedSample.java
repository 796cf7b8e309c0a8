package io.digitcam.samples;

import java.nio.file.Path;

/** A sample written: its image and sidecar, and how many samples there now are of its label and in all. */
public record SavedSample(SampleLabel label, Path image, Path json, int ofLabel, int total) {
    /** For the status bar: "Saved a 7 (12 samples of 7, 87 in all)". */
    public String message() {
        String what = label.isDigit() ? "a " + label.spoken() : "a not-a-digit";
        return "Saved " + what + " (" + ofLabel + (ofLabel == 1 ? " sample" : " samples") + " of "
                + label.spoken() + ", " + total + " in all)";
    }
}
