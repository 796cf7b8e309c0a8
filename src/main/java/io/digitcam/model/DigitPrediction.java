package io.digitcam.model;

/**
 * What the classifier says of one crop: its best digit and the runner-up, with probabilities,
 * and how likely the crop is not a digit at all (always 0 for a digits-only model). The digit
 * probabilities already leave that share out, so a confidence threshold on {@code probability}
 * turns down non-digits too.
 */
public record DigitPrediction(int label, double probability, int runnerUp, double runnerUpProbability,
                              double nonDigitProbability) {
    public DigitPrediction(int label, double probability, int runnerUp, double runnerUpProbability) {
        this(label, probability, runnerUp, runnerUpProbability, 0);
    }

    /** True when "not a digit" is the model's single most likely answer. */
    public boolean rejected() {
        return nonDigitProbability > probability;
    }

    /** The model's answer as a class index: the digit, or {@link Batches#NOT_A_DIGIT}. */
    public int answer() {
        return rejected() ? Batches.NOT_A_DIGIT : label;
    }
}
