package io.digitcam.train;

/**
 * One epoch's figures, as printed during training and kept in the metrics file. {@code augmented}
 * says whether the epoch trained on augmented images (a resumed run may finish on plain ones).
 */
public record EpochStats(int epoch, boolean augmented, double trainLoss, double validationLoss,
                         double validationAccuracy, double testLoss, double testAccuracy, double seconds) {
}
