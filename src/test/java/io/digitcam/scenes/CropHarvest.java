package io.digitcam.scenes;

import io.digitcam.model.Batches;
import io.digitcam.model.DigitImages;
import io.digitcam.model.IdxImages;
import io.digitcam.model.IdxWriter;
import io.digitcam.model.MnistData;
import io.digitcam.vision.Detection;
import io.digitcam.vision.DetectionSettings;
import io.digitcam.vision.DigitDetector;
import io.digitcam.vision.DigitNormalizer;
import io.digitcam.vision.InkSpread;
import io.digitcam.vision.NormalizerSettings;
import io.digitcam.vision.Region;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Moments;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_imgproc.moments;

/**
 * Builds labelled training crops as the live path makes them: OUT-PREFIX MNIST-DIR SCENES [SEED].
 * Writes OUT-PREFIX-images-idx3-ubyte.gz and OUT-PREFIX-labels-idx1-ubyte.gz for
 * {@code digitcam train --extra}.
 *
 * <p>MNIST is centred and scaled by its authors' own procedure; our crops come from a detector
 * and a normaliser working on blurred, noisy, JPEG-compressed frames, and 40% of scene digits
 * are printed, which MNIST has none of. So the crops a model is shown should include the ones it
 * will actually be handed. Scenes are drawn with MNIST <em>training</em> digits and with more
 * fonts than the benchmark's three DejaVu faces, from a seed the benchmarks do not use. A region
 * that clearly matches one true digit becomes that digit; a region touching no digit becomes
 * "not a digit", unless it is a bar or a straight stroke; anything in
 * between (half a digit, two joined) is left out as ambiguous.
 */
public final class CropHarvest {
    private static final String[] FONTS = {"DejaVu Sans", "DejaVu Serif", "DejaVu Sans Mono", "Nimbus Sans",
        "Nimbus Roman", "Nimbus Mono PS", "URW Gothic", "C059", "P052", "URW Bookman", "Nimbus Sans Narrow"};
    private static final double CLEAR_MATCH = 0.6;

    public static void main(String[] args) throws Exception {
        String prefix = args[0];
        long seed = args.length > 3 ? Long.parseLong(args[3]) : 91_000;
        SceneGenerator gen = new SceneGenerator(MnistData.train(Path.of(args[1])), seed, FONTS);
        int scenes = Integer.parseInt(args[2]);
        DigitDetector detector = new DigitDetector(DetectionSettings.DEFAULT);
        DigitNormalizer normalizer = new DigitNormalizer(NormalizerSettings.DEFAULT);
        ByteArrayOutputStream crops = new ByteArrayOutputStream();
        ByteArrayOutputStream labels = new ByteArrayOutputStream();
        int[] perLabel = new int[Batches.DIGITS + 1];
        for (int i = 0; i < scenes; i++) {
            Scene s = gen.nextOfMix(i);
            try (Mat m = SceneGenerator.toMat(s.image()); Detection d = detector.detect(m)) {
                for (Region r : d.regions()) {
                    int label = labelOf(r, s);
                    if (label < 0) {
                        continue;
                    }
                    byte[] crop = normalizer.normalize(d.gray(), r);
                    if (crop == null || label == Batches.NOT_A_DIGIT
                            && (NegativeHarvest.looksLikeOne(crop) || looksLikeStroke(crop))) {
                        continue;
                    }
                    crops.write(crop);
                    labels.write(label);
                    perLabel[label]++;
                }
            }
        }
        byte[] pixels = crops.toByteArray();
        java.nio.file.Path parent = Path.of(prefix).toAbsolutePath().getParent();
        java.nio.file.Files.createDirectories(parent);
        int count = pixels.length / DigitImages.PIXELS;
        IdxWriter.writeImages(Path.of(prefix + "-images-idx3-ubyte.gz"),
                new IdxImages(count, DigitImages.SIDE, DigitImages.SIDE, pixels));
        IdxWriter.writeLabels(Path.of(prefix + "-labels-idx1-ubyte.gz"), labels.toByteArray());
        System.out.printf("%s: %d crops from %d scenes, per label 0-9 and not-a-digit: %s%n", prefix, count, scenes,
                java.util.Arrays.toString(perLabel));
    }

    /**
     * A straight stroke at any angle: what a slanted "1" looks like once normalised. Whether a
     * stick or a pen is a digit is for the detector's surroundings checks to say; labelling such
     * crops "not a digit" would teach the model to doubt real ones.
     */
    static boolean looksLikeStroke(byte[] crop) {
        try (BytePointer p = new BytePointer(crop); Mat m = new Mat(DigitImages.SIDE, DigitImages.SIDE, CV_8UC1, p)) {
            Moments mo = moments(m, false);
            if (mo.m00() == 0) {
                return false;
            }
            InkSpread spread = InkSpread.of(mo);
            // Ratio of the spreads along and across the main axis; a "1" in MNIST is above 4.
            return Math.sqrt(spread.along() / Math.max(1e-9, spread.across())) > 4;
        }
    }

    /** The true label of a clear match, {@link Batches#NOT_A_DIGIT} for a region away from all digits, else -1. */
    static int labelOf(Region r, Scene s) {
        if (!NegativeHarvest.touchesDigit(r.box(), s)) {
            return Batches.NOT_A_DIGIT;
        }
        for (Scene.Digit digit : s.digits()) {
            if (SceneScore.iou(digit.box(), r.box()) >= CLEAR_MATCH) {
                return digit.label();
            }
        }
        return -1;
    }
}
