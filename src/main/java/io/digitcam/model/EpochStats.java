package io.digitcam.model;

/** One epoch's figures, as printed during training and kept in the metrics file. */
public record EpochStats(int epoch, double trainLoss, double validationLoss, double validationAccuracy,
                         double testLoss, double testAccuracy, double seconds) {
}
