package io.digitcam.model;

/** What the classifier says of one crop: its best label and the runner-up, with probabilities. */
public record DigitPrediction(int label, double probability, int runnerUp, double runnerUpProbability) {
}
