package io.digitcam.data;

import io.digitcam.model.Batches;
import io.digitcam.model.Checksums;
import io.digitcam.model.DigitImages;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** MNIST's four files in one directory, checked against each other. */
public final class MnistData {
    public static final String TRAIN_IMAGES = "train-images-idx3-ubyte";
    public static final String TRAIN_LABELS = "train-labels-idx1-ubyte";
    public static final String TEST_IMAGES = "t10k-images-idx3-ubyte";
    public static final String TEST_LABELS = "t10k-labels-idx1-ubyte";
    public static final String WHERE = "MNIST is published at http://yann.lecun.com/exdb/mnist/"
            + " and mirrored in many places; put the four files, gzipped or not, in one directory";

    private MnistData() {
    }

    /** The training split of {@code dir}. */
    public static DigitSet train(Path dir) throws IOException {
        return load(dir, TRAIN_IMAGES, TRAIN_LABELS);
    }

    /** The test split of {@code dir} (the two t10k files only). */
    public static DigitSet test(Path dir) throws IOException {
        return load(dir, TEST_IMAGES, TEST_LABELS);
    }

    /** Images of non-digits in IDX form, all labelled {@link Batches#NOT_A_DIGIT}. */
    public static DigitSet nonDigits(Path file) throws IOException {
        IdxImages images = IdxReader.readImages(file);
        if (images.rows() != DigitImages.SIDE || images.cols() != DigitImages.SIDE) {
            throw new IdxFormatException(file.toString(), "images are " + images.rows() + "×" + images.cols()
                    + ", expected " + DigitImages.SIDE + "×" + DigitImages.SIDE);
        }
        byte[] labels = new byte[images.count()];
        java.util.Arrays.fill(labels, (byte) Batches.NOT_A_DIGIT);
        return new DigitSet(images.pixels(), labels, Checksums.sha256(file), null);
    }

    /**
     * Labelled images in IDX form from outside MNIST (crops harvested from scenes, say): labels
     * 0-9 are digits, {@link Batches#NOT_A_DIGIT} is "not a digit".
     */
    public static DigitSet labelled(Path imagesFile, Path labelsFile) throws IOException {
        return read(imagesFile, labelsFile, Batches.NOT_A_DIGIT);
    }

    /** Fails with one line naming every missing file, before anything is read. */
    public static void requireFiles(Path dir, String... baseNames) throws IOException {
        List<String> missing = new ArrayList<>();
        for (String base : baseNames) {
            if (locate(dir, base) == null) {
                missing.add(base + "[.gz]");
            }
        }
        if (!missing.isEmpty()) {
            throw new IOException(dir + ": missing " + String.join(", ", missing) + ". " + WHERE + ".");
        }
    }

    public static void requireAll(Path dir) throws IOException {
        requireFiles(dir, TRAIN_IMAGES, TRAIN_LABELS, TEST_IMAGES, TEST_LABELS);
    }

    private static DigitSet load(Path dir, String imagesName, String labelsName) throws IOException {
        requireFiles(dir, imagesName, labelsName);
        return read(locate(dir, imagesName), locate(dir, labelsName), 9);
    }

    private static DigitSet read(Path imagesFile, Path labelsFile, int maxLabel) throws IOException {
        IdxImages images = IdxReader.readImages(imagesFile);
        byte[] labels = IdxReader.readLabels(labelsFile);
        if (images.count() != labels.length) {
            throw new IdxFormatException(labelsFile.toString(), "has " + labels.length + " labels but "
                    + imagesFile.getFileName() + " has " + images.count() + " images");
        }
        if (images.rows() != DigitImages.SIDE || images.cols() != DigitImages.SIDE) {
            throw new IdxFormatException(imagesFile.toString(), "images are " + images.rows() + "×" + images.cols()
                    + ", expected " + DigitImages.SIDE + "×" + DigitImages.SIDE);
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] > maxLabel) {
                throw new IdxFormatException(labelsFile.toString(), "label " + labels[i] + " at index " + i
                        + (maxLabel == 9 ? " is not a digit" : " is not 0-" + maxLabel));
            }
        }
        return new DigitSet(images.pixels(), labels, Checksums.sha256(imagesFile), Checksums.sha256(labelsFile));
    }

    /** The file for {@code base} in {@code dir}, gzipped or plain, or null. */
    static Path locate(Path dir, String base) {
        for (String candidate : new String[] {base + ".gz", base, base.replace("-idx", ".idx")}) {
            Path p = dir.resolve(candidate);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        return null;
    }
}
