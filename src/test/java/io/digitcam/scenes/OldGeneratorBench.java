package io.digitcam.scenes;

import io.digitcam.bench.SceneBenchmark;
import io.digitcam.model.DigitSet;
import io.digitcam.model.MnistData;
import io.digitcam.recognize.RecognitionSettings;
import io.digitcam.recognize.Recognizer;
import io.digitcam.synth.Condition;
import io.digitcam.synth.SynthDigit;
import io.digitcam.synth.SynthScene;
import io.digitcam.vision.Box;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * The pipeline on the scenes of {@link SceneGenerator}, the generator the old rule-based detector
 * was tuned on: a third renderer, with drawing code of its own, for a verifier trained on another.
 * It tags only polarity and empty frames. {@code OldGeneratorBench MNIST_DIR COUNT [VERIFIER [MIN_DIGIT]]}.
 */
public final class OldGeneratorBench {
    public static void main(String[] args) throws Exception {
        DigitSet mnist = MnistData.test(Path.of(args[0]));
        int count = Integer.parseInt(args[1]);
        Path verifier = Path.of(args.length > 2 ? args[2] : "models/digitcam-verifier.zip");
        RecognitionSettings settings = args.length > 3
                ? RecognitionSettings.DEFAULT.withMinDigit(Double.parseDouble(args[3])) : RecognitionSettings.DEFAULT;
        Recognizer recognizer = Recognizer.load(Path.of("models/digitcam-cnn.zip"), verifier, settings);
        SceneGenerator generator = new SceneGenerator(mnist, 5000);
        SceneBenchmark.Result result = SceneBenchmark.run(recognizer, i -> scene(generator.nextOfMix((int) i)), 0, count,
                recognizer.minDigit());
        SceneBenchmark.print(result, count + " scenes of the old generator (seed 5000)", new PrintWriter(System.out), 20);
    }

    static SynthScene scene(Scene s) {
        Condition polarity = Condition.of(Condition.Family.POLARITY,
                s.kind() == Scene.Kind.BOARD ? "light-on-dark" : "dark-on-light");
        List<SynthDigit> digits = s.digits().stream().map(d -> new SynthDigit(d.label(),
                new Box(d.box().x, d.box().y, d.box().width, d.box().height), Set.of(polarity))).toList();
        Set<Condition> conditions = s.kind() == Scene.Kind.EMPTY
                ? Set.of(Condition.of(Condition.Family.CLUTTER, "empty")) : Set.of();
        BufferedImage bgr = new BufferedImage(s.image().getWidth(), s.image().getHeight(), BufferedImage.TYPE_3BYTE_BGR);
        bgr.getGraphics().drawImage(s.image(), 0, 0, null);
        return new SynthScene(bgr, digits, s.numbers(), conditions);
    }
}
