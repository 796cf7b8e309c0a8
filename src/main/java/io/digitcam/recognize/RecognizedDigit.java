package io.digitcam.recognize;

import io.digitcam.vision.Box;

/** One digit read in a frame: label, confidence, runner-up and where it is. */
public record RecognizedDigit(int label, double confidence, int runnerUp, double runnerUpConfidence, Box box) {
}
