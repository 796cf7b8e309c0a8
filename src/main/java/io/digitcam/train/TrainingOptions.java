package io.digitcam.train;

/**
 * How {@link Trainer} runs. {@code validationSize} examples are held out of the training split
 * to choose the best epoch, so the test set is only ever reported, never used to pick a model.
 * {@code limit} caps the training examples (0 = all), for smoke runs. {@code initial}, if not
 * null, is a trained model to fine-tune instead of starting from random weights. From epoch
 * {@code averageFrom} on (0 = never) the weights are also averaged, see {@link WeightAverage}.
 * {@code headOnly} fine-tunes only the layers after the convolutional features.
 */
public record TrainingOptions(Architecture architecture, int epochs, int batchSize, int threads, long seed,
                              boolean augment, int validationSize, int limit, java.nio.file.Path initial,
                              int averageFrom, boolean headOnly) {
    public TrainingOptions(Architecture architecture, int epochs, int batchSize, int threads, long seed,
                           boolean augment, int validationSize, int limit, java.nio.file.Path initial,
                           int averageFrom) {
        this(architecture, epochs, batchSize, threads, seed, augment, validationSize, limit, initial, averageFrom,
                false);
    }

    public TrainingOptions(Architecture architecture, int epochs, int batchSize, int threads, long seed,
                           boolean augment, int validationSize, int limit) {
        this(architecture, epochs, batchSize, threads, seed, augment, validationSize, limit, null, 0);
    }

    public TrainingOptions(Architecture architecture, int epochs, int batchSize, int threads, long seed,
                           boolean augment, int validationSize, int limit, java.nio.file.Path initial) {
        this(architecture, epochs, batchSize, threads, seed, augment, validationSize, limit, initial, 0);
    }

    public TrainingOptions {
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be at least 1, got " + epochs);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        if (averageFrom < 0 || averageFrom > epochs) {
            throw new IllegalArgumentException("weight averaging must start at an epoch from 1 to " + epochs
                    + " (or 0 for none), got " + averageFrom);
        }
        if (headOnly && initial == null) {
            throw new IllegalArgumentException("tuning only the head needs a trained model to start from (--init)");
        }
        if (validationSize < 0 || limit < 0) {
            throw new IllegalArgumentException("validation size and limit cannot be negative");
        }
    }
}
