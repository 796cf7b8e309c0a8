package io.digitcam.train;

import io.digitcam.data.DigitSet;
import io.digitcam.data.IdxReader;
import io.digitcam.data.IdxImages;
import io.digitcam.data.MnistData;
import io.digitcam.model.Batches;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Random;

/**
 * What fine-tuning mixes in so the network does not forget MNIST, and what it is checked on.
 *
 * <p>Shipped inside the jar (an installed app has no MNIST): {@code replay/replay-*} holds 4,000
 * MNIST training digits (400 of each, seeded random choice) and 800 of the shipped "not a digit"
 * crops, so the 11th class is replayed too (870 kB); {@code replay/t10k-*} is the whole MNIST
 * test set (1.6 MB), because the keep-or-drop gate of 99.5% is a difference of a few dozen
 * errors and a subset would decide it by chance. With an MNIST folder the replay digits are
 * drawn from its training set instead, and its test set is the check.
 *
 * @param replay digits (and non-digits, label {@link Batches#NOT_A_DIGIT}) replayed while tuning
 * @param test   the MNIST test set the tuned model must stay accurate on
 */
public record ReplaySet(DigitSet replay, DigitSet test) {
    static final String FOLDER = "/replay/";
    static final int REPLAY_DIGITS = 4000;

    /** The set shipped in the jar. */
    public static ReplaySet shipped() throws IOException {
        return new ReplaySet(resource("replay-images-idx3-ubyte.gz", "replay-labels-idx1-ubyte.gz"),
                resource(MnistData.TEST_IMAGES + ".gz", MnistData.TEST_LABELS + ".gz"));
    }

    /** Replay digits drawn from {@code mnistDir}'s training set (the shipped non-digits kept), its test set the check. */
    public static ReplaySet from(Path mnistDir, long seed) throws IOException {
        MnistData.requireAll(mnistDir);
        DigitSet train = MnistData.train(mnistDir);
        DigitSet shipped = resource("replay-images-idx3-ubyte.gz", "replay-labels-idx1-ubyte.gz");
        int n = Math.min(REPLAY_DIGITS, train.size());
        int[] pick = new Random(seed).ints(0, train.size()).distinct().limit(n).toArray();
        DigitSet digits = subset(train, pick);
        int[] nonDigits = java.util.stream.IntStream.range(0, shipped.size())
                .filter(i -> shipped.labels()[i] == Batches.NOT_A_DIGIT).toArray();
        return new ReplaySet(Trainer.concat(digits, subset(shipped, nonDigits)), MnistData.test(mnistDir));
    }

    static DigitSet subset(DigitSet set, int[] indices) {
        int px = io.digitcam.model.DigitImages.PIXELS;
        byte[] pixels = new byte[indices.length * px];
        byte[] labels = new byte[indices.length];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(set.pixels(), indices[i] * px, pixels, i * px, px);
            labels[i] = set.labels()[indices[i]];
        }
        return new DigitSet(pixels, labels, set.imagesSha256(), set.labelsSha256());
    }

    private static DigitSet resource(String images, String labels) throws IOException {
        IdxImages im;
        byte[] lb;
        try (InputStream in = open(images)) {
            im = IdxReader.readImages(in, FOLDER + images);
        }
        try (InputStream in = open(labels)) {
            lb = IdxReader.readLabels(in, FOLDER + labels);
        }
        if (im.count() != lb.length) {
            throw new IOException(FOLDER + labels + ": " + lb.length + " labels for " + im.count() + " images");
        }
        return new DigitSet(im.pixels(), lb, "resource " + FOLDER + images, "resource " + FOLDER + labels);
    }

    private static InputStream open(String name) throws IOException {
        InputStream in = ReplaySet.class.getResourceAsStream(FOLDER + name);
        if (in == null) {
            throw new IOException("the MNIST replay set " + FOLDER + name + " is missing from this build");
        }
        return in;
    }
}
