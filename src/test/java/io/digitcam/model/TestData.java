package io.digitcam.model;

import io.digitcam.data.DigitSet;
import io.digitcam.data.MnistData;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** The MNIST test set kept in the repository, loaded once per test JVM. */
public final class TestData {
    public static final Path MNIST = Path.of("src/test/resources/mnist");
    private static DigitSet test;

    private TestData() {
    }

    public static synchronized DigitSet mnistTest() {
        if (test == null) {
            try {
                test = MnistData.test(MNIST);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return test;
    }

    /** Images {@code from..from+n} of the test set. */
    public static DigitSet slice(int from, int n) {
        DigitSet all = mnistTest();
        byte[] pixels = new byte[n * DigitImages.PIXELS];
        byte[] labels = new byte[n];
        System.arraycopy(all.pixels(), from * DigitImages.PIXELS, pixels, 0, pixels.length);
        System.arraycopy(all.labels(), from, labels, 0, n);
        return new DigitSet(pixels, labels, all.imagesSha256(), all.labelsSha256());
    }
}
