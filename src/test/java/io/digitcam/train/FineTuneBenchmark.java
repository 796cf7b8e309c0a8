package io.digitcam.train;

import io.digitcam.data.DigitSet;
import io.digitcam.model.DigitClassifier;
import java.awt.Font;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The fine-tuning benchmark: a handwriting style the shipped model reads badly ({@link StyleSamples},
 * calligraphic digits leaning far over), 30 samples per digit to tune on and 40 per digit, drawn with another
 * seed, to score on; the shipped model's accuracy on those, then the tuned model's, and MNIST's.
 *
 * <p>Run: {@code java -cp target/test-classes:target/classes:CP io.digitcam.train.FineTuneBenchmark WORKDIR
 * [EPOCHS REPEATS REPLAY [MIN_MNIST_PERCENT]]}. Needs fonts-urw-base35.
 */
public final class FineTuneBenchmark {
    /** Degrees the benchmark's hand leans over (clockwise), on top of the font's own slant. */
    static final double LEAN = 22;

    public static void main(String[] args) throws Exception {
        Font font = StyleSamples.calligraphic();
        if (font == null) {
            System.err.println("Z003 not found: apt install fonts-urw-base35");
            System.exit(1);
        }
        Path work = Path.of(args[0]);
        Path tune = work.resolve("tune");
        Path held = work.resolve("held-out");
        if (!Files.isDirectory(tune)) {
            new StyleSamples(font, 1, false, LEAN).write(tune, 30, "t");
            new StyleSamples(font, 2, false, LEAN).write(held, 40, "h");
        }
        HandwritingTuner.Settings s = HandwritingTuner.Settings.DEFAULT.withThreads(1);
        if (args.length > 2) {
            s = new HandwritingTuner.Settings(Integer.parseInt(args[1]), Integer.parseInt(args[2]),
                    args.length > 3 ? Integer.parseInt(args[3]) : s.replay(),
                    s.batchSize(), s.minMnistAccuracy(), 1, s.seed());
        }
        if (args.length > 4) {
            s = s.withMinMnistAccuracy(Double.parseDouble(args[4]) / 100);
        }
        Path shipped = Path.of("models/digitcam-cnn.zip");
        DigitSet heldOut = new PersonalSamples().read(held).all();
        double before = Evaluator.evaluate(DigitClassifier.load(shipped), heldOut).accuracy();
        Path out = work.resolve("tuned.zip");
        Files.deleteIfExists(out);
        HandwritingTuner.Result r = new HandwritingTuner(s).tune(tune, shipped, null, out, null, null);
        System.out.printf("settings %s%n", s);
        System.out.printf("tuner: %s (%s); its own held-out %.1f%% -> %.1f%%, MNIST %.2f%% -> %.2f%%, %.0f s%n",
                r.verdict(), r.reason(), 100 * r.personalBefore(), 100 * r.personalAfter(), 100 * r.mnistBefore(),
                100 * r.mnistAfter(), r.seconds());
        if (r.kept()) {
            double after = Evaluator.evaluate(DigitClassifier.load(out), heldOut).accuracy();
            System.out.printf("separate held-out (%d, seed 2): shipped %.1f%%, tuned %.1f%%%n", heldOut.size(),
                    100 * before, 100 * after);
        } else {
            System.out.printf("separate held-out (%d, seed 2): shipped %.1f%%; tuned model not kept%n", heldOut.size(),
                    100 * before);
        }
    }
}
