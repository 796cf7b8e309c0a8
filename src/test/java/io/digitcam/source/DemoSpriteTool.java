package io.digitcam.source;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imwrite;

import io.digitcam.model.DigitImages;
import io.digitcam.data.DigitSet;
import io.digitcam.data.MnistData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Made src/main/resources/demo/digits.png, once: {@link DemoSource#SAMPLES_PER_DIGIT} handwritten
 * samples per digit from the MNIST <em>training</em> split (the test split stays unseen, so the
 * demo cannot flatter the model's test score), row d holding digit d, MNIST's white on black.
 *
 * <pre>java -cp target/classes:target/test-classes:$(deps) io.digitcam.source.DemoSpriteTool \
 *     /work/shared/mnist src/main/resources/demo/digits.png</pre>
 */
public final class DemoSpriteTool {
    /** Fixed so re-running the tool reproduces the shipped file. */
    static final long SEED = 20240607L;

    private DemoSpriteTool() {
    }

    public static void main(String[] args) throws Exception {
        DigitSet train = MnistData.train(Path.of(args[0]));
        Path out = Path.of(args[1]);
        int side = DigitImages.SIDE;
        int per = DemoSource.SAMPLES_PER_DIGIT;
        byte[] sprite = new byte[10 * side * per * side];
        Random random = new Random(SEED);
        for (int digit = 0; digit < 10; digit++) {
            int found = 0;
            while (found < per) {
                int i = random.nextInt(train.size());
                if (train.labels()[i] != digit || !legible(train.pixels(), i * DigitImages.PIXELS)) {
                    continue;
                }
                for (int r = 0; r < side; r++) {
                    System.arraycopy(train.pixels(), i * DigitImages.PIXELS + r * side, sprite,
                            (digit * side + r) * per * side + found * side, side);
                }
                found++;
            }
        }
        Files.createDirectories(out.toAbsolutePath().getParent());
        try (Mat m = new Mat(10 * side, per * side, CV_8UC1)) {
            m.data().put(sprite);
            if (!imwrite(out.toString(), m)) {
                throw new IllegalStateException("cannot write " + out);
            }
        }
        System.out.println("wrote " + out);
    }

    /**
     * MNIST has scrawls even people misread; the demo should show digits a viewer agrees with.
     * Ink between 10% and 30% of the tile drops the stubs and the blobs.
     */
    static boolean legible(byte[] pixels, int from) {
        int ink = 0;
        for (int p = 0; p < DigitImages.PIXELS; p++) {
            if ((pixels[from + p] & 0xff) > 127) {
                ink++;
            }
        }
        return ink >= 0.10 * DigitImages.PIXELS && ink <= 0.30 * DigitImages.PIXELS;
    }
}
