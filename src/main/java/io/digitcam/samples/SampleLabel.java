package io.digitcam.samples;

/** What the user says a crop is: a digit 0–9, or not a digit. Names the sample's folder. */
public record SampleLabel(int digit) {
    public static final SampleLabel NOT_A_DIGIT = new SampleLabel(-1);
    public static final String NOT_A_DIGIT_NAME = "not-a-digit";

    public SampleLabel {
        if (digit < -1 || digit > 9) {
            throw new IllegalArgumentException("a sample is a digit 0–9 or not a digit, not " + digit);
        }
    }

    public static SampleLabel of(int digit) {
        return new SampleLabel(digit);
    }

    public boolean isDigit() {
        return digit >= 0;
    }

    /** The folder name: "0".."9" or "not-a-digit". */
    public String folder() {
        return isDigit() ? Integer.toString(digit) : NOT_A_DIGIT_NAME;
    }

    /** For messages: "7", or "not a digit". */
    public String spoken() {
        return isDigit() ? Integer.toString(digit) : "not a digit";
    }
}
